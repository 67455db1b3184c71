import MoltCore

/// `/diaries/{diaryId}/entries` routes (spec §1.5).
struct EntriesController: Sendable {
    let service: EntryService

    func register(in router: inout Router) {
        router.add(Endpoints.createDiaryEntry) { call in
            try await service.create(in: call.path.uuid("diaryId"), call.body, by: call.caller())
        }
        // Pages come encoded from the page cache (docs/performance.md).
        router.add(
            Endpoints.listDiaryEntries,
            respond: { call in
                let body = try await service.listEncoded(in: call.path.uuid("diaryId"), call.query, by: call.caller())
                return HTTPResponse(
                    status: Endpoints.listDiaryEntries.successStatus, contentType: "application/json; charset=utf-8",
                    bytes: body)
            })
        router.add(Endpoints.getDiaryEntry) { call in
            try await service.get(call.path.uuid("entryId"), in: call.path.uuid("diaryId"), by: call.caller())
        }
        router.add(Endpoints.updateDiaryEntry) { call in
            try await service.update(
                call.path.uuid("entryId"), in: call.path.uuid("diaryId"), call.body, by: call.caller())
        }
        router.add(Endpoints.deleteDiaryEntry) { call in
            try await service.delete(call.path.uuid("entryId"), in: call.path.uuid("diaryId"), by: call.caller())
            return Success()
        }
    }
}
