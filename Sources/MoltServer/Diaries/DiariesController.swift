import MoltCore

/// `/diaries` and `/diaries/{id}`: create, list, read, change and delete diaries (spec §1.5).
struct DiariesController: Sendable {
    let service: DiaryService

    func register(in router: inout Router) {
        router.add(Endpoints.createDiary) { call in
            try await service.create(call.body, by: call.caller())
        }
        router.add(Endpoints.listDiaries) { call in
            DiaryCatalogList(items: try await service.list(for: call.caller()))
        }
        router.add(Endpoints.getDiary) { call in
            try await service.readable(call.path.uuid("id"), by: call.caller())
        }
        router.add(Endpoints.updateDiary) { call in
            try await service.update(call.path.uuid("id"), call.body, by: call.caller())
        }
        router.add(Endpoints.deleteDiary) { call in
            try await service.delete(call.path.uuid("id"), by: call.caller())
            return Success()
        }
    }
}
