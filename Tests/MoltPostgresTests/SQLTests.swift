import Foundation
import MoltPostgres
import Testing

@Suite("SQL interpolation")
struct SQLTests {
    @Test("interpolated values become numbered binds, never text")
    func binds() {
        let name = "Robert'); DROP TABLE diaries;--"
        let sql: SQL = "SELECT * FROM diaries WHERE name = \(name) AND importance > \(5)"
        #expect(sql.text == "SELECT * FROM diaries WHERE name = $1 AND importance > $2")
        #expect(sql.binds.map(\.text) == [name, "5"])
        #expect(sql.binds.map(\.typeOID) == [0, 20])
    }

    @Test("fragments compose with renumbered placeholders")
    func compose() {
        var sql: SQL = "SELECT id FROM t WHERE a = \(1)"
        let condition: SQL = " AND b = \("x") AND c = \(true)"
        sql.append(condition)
        let wrapped: SQL = "WITH q AS (\(sql)) SELECT * FROM q WHERE d = \(2.5)"
        #expect(
            wrapped.text
                == "WITH q AS (SELECT id FROM t WHERE a = $1 AND b = $2 AND c = $3) SELECT * FROM q WHERE d = $4")
        #expect(wrapped.binds.map(\.text) == ["1", "x", "t", "2.5"])
    }

    @Test("joined fragments and nil values")
    func joined() {
        let none: String? = nil
        let parts: [SQL] = ["a = \(1)", "b = \(none)", "c = \("z")"]
        let sql = SQL.joined(parts, separator: " AND ")
        #expect(sql.text == "a = $1 AND b = $2 AND c = $3")
        #expect(sql.binds[1].text == nil)
    }

    @Test("the description shows the text only")
    func description() {
        let secret = "hunter2"
        let sql: SQL = "UPDATE t SET password = \(secret)"
        #expect(!"\(sql)".contains(secret))
    }
}
