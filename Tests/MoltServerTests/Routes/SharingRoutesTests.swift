import Foundation
import MoltCore
import MoltPostgres
import MoltServer
import MoltTestSupport
import Testing

@Suite("Sharing and invitations: the state machine of spec §5.3", .timeLimit(.minutes(2)))
struct SharingRoutesTests {
    @Test("invite → pending (reader by default) → accept grants read only; duplicates are 409")
    func inviteAndAccept() async throws {
        try await TestServer.with { server in
            let (owner, guest) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("shared")
            let entry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "hello"))
            let invited = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint)
            ).decode(DiaryShare.self, status: 201)
            #expect(invited.status == .pending)
            #expect(invited.role == .reader)
            #expect(invited.sharedWith == guest.agentID)
            #expect(invited.diaryId == diary.id)
            #expect(invited.respondedAt == nil)
            // Pending grants nothing yet.
            try expectProblem(try await guest.get("/diaries/\(diary.id)"), 404, "not-found")
            let invitations = try await guest.get("/diaries/invitations").decode(DiaryInvitationList.self)
            #expect(invitations.invitations.map(\.id) == [invited.id])
            #expect(try await owner.get("/diaries/invitations").decode(DiaryInvitationList.self).invitations.isEmpty)
            let listed = try await owner.get("/diaries/\(diary.id)/share").decode(DiaryShareList.self)
            #expect(listed.shares == [invited])

            let again = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint, role: .writer))
            try expectProblem(again, 409, "conflict", detail: "Share already exists with status \"pending\"")

            let accepted = try await guest.post("/diaries/invitations/\(invited.id)/accept").decode(DiaryShare.self)
            #expect(accepted.status == .accepted)
            #expect(accepted.role == .reader)
            #expect(accepted.respondedAt != nil)
            #expect(accepted.invitedAt == invited.invitedAt)
            #expect(try await guest.get("/diaries/\(diary.id)").decode(DiaryCatalog.self).id == diary.id)
            #expect(try await guest.get("/diaries/\(diary.id)/entries/\(entry.id)").status == 200)
            try expectProblem(
                try await guest.post("/diaries/\(diary.id)/entries", CreateEntryRequest(content: "mine")), 403,
                "forbidden")
            #expect(try await guest.get("/diaries/invitations").decode(DiaryInvitationList.self).invitations.isEmpty)
            try expectProblem(
                try await guest.post("/diaries/invitations/\(invited.id)/accept"), 400, "validation-failed",
                detail: "Invitation has already been accepted")
            try expectProblem(
                try await guest.post("/diaries/invitations/\(invited.id)/decline"), 400, "validation-failed",
                detail: "Invitation has already been accepted")
            let duplicate = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint))
            try expectProblem(duplicate, 409, "conflict", detail: "Share already exists with status \"accepted\"")
        }
    }

    @Test("revoke removes access; re-invite reuses the row; a writer is downgraded by revoke, re-invite, accept")
    func revokeAndDowngrade() async throws {
        try await TestServer.with { server in
            let (owner, guest) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("team")
            let first = try await owner.share(diary.id, with: guest, role: .writer)
            #expect(first.role == .writer)
            let written = try await guest.createEntry(in: diary.id, CreateEntryRequest(content: "by the writer"))
            let ownerEntry = try await owner.createEntry(in: diary.id, CreateEntryRequest(content: "by the owner"))
            let edited = try await guest.patch(
                "/diaries/\(diary.id)/entries/\(ownerEntry.id)", UpdateEntryRequest(content: "edited by the writer")
            ).decode(DiaryEntry.self)
            #expect(edited.content == "edited by the writer")
            // A writer still may not manage the diary or its shares.
            try expectProblem(
                try await guest.patch("/diaries/\(diary.id)", UpdateDiaryRequest(name: "x")), 403, "forbidden")
            try expectProblem(try await guest.get("/diaries/\(diary.id)/share"), 404, "not-found")

            let revoked = try await owner.delete("/diaries/\(diary.id)/share/\(guest.fingerprint.lowercased())")
            #expect(try revoked.decode(Success.self).success)
            try expectProblem(try await guest.get("/diaries/\(diary.id)"), 404, "not-found")
            try expectProblem(try await guest.get("/diaries/\(diary.id)/entries/\(written.id)"), 404, "not-found")
            #expect(try await owner.get("/diaries/\(diary.id)/share").decode(DiaryShareList.self).shares.isEmpty)

            let reinvited = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint, role: .reader)
            ).decode(DiaryShare.self, status: 201)
            #expect(reinvited.id == first.id)
            #expect(reinvited.status == .pending)
            #expect(reinvited.role == .reader)
            #expect(reinvited.respondedAt == nil)
            #expect(reinvited.invitedAt == first.invitedAt)
            let downgraded = try await guest.post("/diaries/invitations/\(reinvited.id)/accept").decode(
                DiaryShare.self)
            #expect(downgraded.role == .reader)
            #expect(try await guest.get("/diaries/\(diary.id)/entries/\(written.id)").status == 200)
            try expectProblem(
                try await guest.post("/diaries/\(diary.id)/entries", CreateEntryRequest(content: "no more")), 403,
                "forbidden")
            try expectProblem(
                try await guest.patch(
                    "/diaries/\(diary.id)/entries/\(written.id)", UpdateEntryRequest(content: "no more")),
                403, "forbidden")
            try expectProblem(try await guest.delete("/diaries/\(diary.id)/entries/\(written.id)"), 403, "forbidden")
        }
    }

    @Test("decline grants nothing and can be re-invited; revoking a pending invitation closes it")
    func declineAndRevokePending() async throws {
        try await TestServer.with { server in
            let (owner, guest) = try await (APIAgent.create(on: server), APIAgent.create(on: server))
            let diary = try await owner.createDiary("maybe")
            let invited = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint, role: .writer)
            ).decode(DiaryShare.self, status: 201)
            let declined = try await guest.post("/diaries/invitations/\(invited.id)/decline").decode(DiaryShare.self)
            #expect(declined.status == .declined)
            #expect(declined.respondedAt != nil)
            try expectProblem(try await guest.get("/diaries/\(diary.id)"), 404, "not-found")
            try expectProblem(
                try await guest.post("/diaries/invitations/\(invited.id)/accept"), 400, "validation-failed",
                detail: "Invitation has already been declined")
            #expect(try await owner.get("/diaries/\(diary.id)/share").decode(DiaryShareList.self).shares.isEmpty)

            let again = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: guest.fingerprint)
            ).decode(DiaryShare.self, status: 201)
            #expect(again.id == invited.id)
            #expect(again.status == .pending)
            #expect(again.role == .reader)
            #expect(again.respondedAt == nil)

            #expect(try await owner.delete("/diaries/\(diary.id)/share/\(guest.fingerprint)").status == 200)
            try expectProblem(
                try await guest.post("/diaries/invitations/\(invited.id)/accept"), 400, "validation-failed",
                detail: "Invitation has already been revoked")
            #expect(try await guest.get("/diaries/invitations").decode(DiaryInvitationList.self).invitations.isEmpty)
            let count = try await server.database.pool.query(
                "SELECT count(*) AS n FROM diary_shares WHERE diary_id = \(diary.id)"
            ).first!.decode("n", as: Int.self)
            #expect(count == 1)
        }
    }

    @Test("owner-only routes answer 404 to others; self-share 400; unknown agents and invitations 404")
    func failures() async throws {
        try await TestServer.with { server in
            let (owner, guest, stranger) = try await (
                APIAgent.create(on: server), APIAgent.create(on: server), APIAgent.create(on: server)
            )
            let diary = try await owner.createDiary("guarded", visibility: .moltnet)
            let invite = ShareDiaryRequest(fingerprint: guest.fingerprint)
            for agent in [guest, stranger] {
                try expectProblem(
                    try await agent.post("/diaries/\(diary.id)/share", invite), 404, "not-found",
                    detail: "Diary not found")
                try expectProblem(try await agent.get("/diaries/\(diary.id)/share"), 404, "not-found")
                try expectProblem(
                    try await agent.delete("/diaries/\(diary.id)/share/\(guest.fingerprint)"), 404, "not-found")
            }
            try expectProblem(
                try await owner.post("/diaries/\(UUID())/share", invite), 404, "not-found", detail: "Diary not found")
            let yourself = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: owner.fingerprint))
            try expectValidationFailure(yourself, field: "/fingerprint")
            let nobody = try await owner.post(
                "/diaries/\(diary.id)/share", ShareDiaryRequest(fingerprint: "AAAA-BBBB-CCCC-DDDD"))
            try expectProblem(
                nobody, 404, "not-found", detail: "Agent with fingerprint \"AAAA-BBBB-CCCC-DDDD\" not found")
            try expectValidationFailure(
                try await owner.send("POST", "/diaries/\(diary.id)/share", body: body(["fingerprint": "nope"])),
                field: "/fingerprint")
            try expectValidationFailure(
                try await owner.send(
                    "POST", "/diaries/\(diary.id)/share",
                    body: body(["fingerprint": .string(guest.fingerprint), "role": "admin"])),
                field: "/role")
            try expectValidationFailure(
                try await owner.delete("/diaries/\(diary.id)/share/not-a-fingerprint"), field: "/fingerprint")
            // No share with this agent yet.
            try expectProblem(
                try await owner.delete("/diaries/\(diary.id)/share/\(guest.fingerprint)"), 404, "not-found")

            let share = try await owner.post("/diaries/\(diary.id)/share", invite).decode(DiaryShare.self, status: 201)
            for path in ["accept", "decline"] {
                try expectProblem(
                    try await stranger.post("/diaries/invitations/\(share.id)/\(path)"), 404, "not-found",
                    detail: "Invitation not found")
                try expectProblem(
                    try await owner.post("/diaries/invitations/\(share.id)/\(path)"), 404, "not-found",
                    detail: "Invitation not found")
                try expectProblem(
                    try await guest.post("/diaries/invitations/\(UUID())/\(path)"), 404, "not-found",
                    detail: "Invitation not found")
                try expectValidationFailure(try await guest.post("/diaries/invitations/xyz/\(path)"), field: "/id")
            }
            #expect(try await guest.post("/diaries/invitations/\(share.id)/accept").status == 200)
        }
    }
}
