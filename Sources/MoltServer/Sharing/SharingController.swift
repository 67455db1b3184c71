import MoltCore

/// Shares and invitations routes (spec §1.5).
struct SharingController: Sendable {
    let service: SharingService

    func register(in router: inout Router) {
        router.add(Endpoints.listDiaryShares) { call in
            DiaryShareList(shares: try await service.shares(of: call.path.uuid("diaryId"), by: call.caller()))
        }
        router.add(Endpoints.shareDiary) { call in
            try await service.invite(to: call.path.uuid("diaryId"), call.body, by: call.caller())
        }
        router.add(Endpoints.listDiaryInvitations) { call in
            DiaryInvitationList(invitations: try await service.invitations(for: call.caller()))
        }
        router.add(Endpoints.acceptDiaryInvitation) { call in
            try await service.accept(call.path.uuid("id"), by: call.caller())
        }
        router.add(Endpoints.declineDiaryInvitation) { call in
            try await service.decline(call.path.uuid("id"), by: call.caller())
        }
        router.add(Endpoints.revokeDiaryShare) { call in
            try await service.revoke(
                diary: call.path.uuid("diaryId"), fingerprint: call.path.fingerprint().value, by: call.caller())
            return Success()
        }
    }
}
