import Foundation
import MoltClient
import MoltCore
import Testing

@Suite(".mcp.json writing")
struct MCPConfigFileTests {
    static let credentials = ClientCredentials(clientID: "client-1", clientSecret: Secret("secret-1"))

    static let fresh = """
        {
          "mcpServers": {
            "moltnet": {
              "type": "http",
              "url": "http://127.0.0.1:8000/mcp",
              "headers": {
                "X-Client-Id": "client-1",
                "X-Client-Secret": "secret-1"
              }
            }
          }
        }

        """

    @Test("creates the file with the moltnet server, mode 0644")
    func creates() async throws {
        try await withTemporaryDirectory { directory in
            let written = try MCPConfigFile.write(
                mcpURL: "http://127.0.0.1:8000/mcp", credentials: Self.credentials, directory: directory)
            #expect(written == MCPConfigFile.Written(path: directory + "/.mcp.json", warnings: []))
            #expect(try readFile(written.path) == Self.fresh)
            #expect(permissions(written.path) == 0o644)
        }
    }

    @Test("merges into an existing file, keeping other keys and servers as written, sorted like Go's maps")
    func merges() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/.mcp.json"
            try writeFile(
                path,
                #"{"zeta":{"b":1.50,"a":[true,null,"x<y"]},"mcpServers":{"other":{"command":"npx","args":[]},"moltnet":{"url":"old"}},"alpha":"\u00e9"}"#,
                mode: 0o644)
            let written = try MCPConfigFile.write(
                mcpURL: "http://127.0.0.1:8000/mcp", credentials: Self.credentials, directory: directory)
            #expect(written.warnings.isEmpty)
            let expected = """
                {
                  "alpha": "\\u00e9",
                  "mcpServers": {
                    "moltnet": {
                      "type": "http",
                      "url": "http://127.0.0.1:8000/mcp",
                      "headers": {
                        "X-Client-Id": "client-1",
                        "X-Client-Secret": "secret-1"
                      }
                    },
                    "other": {
                      "command": "npx",
                      "args": []
                    }
                  },
                  "zeta": {
                    "b": 1.50,
                    "a": [
                      true,
                      null,
                      "x\\u003cy"
                    ]
                  }
                }

                """
            #expect(try readFile(path) == expected)
        }
    }

    @Test("warns about and overwrites a file that is not JSON")
    func overwritesInvalid() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/.mcp.json"
            try writeFile(path, "{ not json", mode: 0o600)
            let written = try MCPConfigFile.write(
                mcpURL: "http://127.0.0.1:8000/mcp", credentials: Self.credentials, directory: directory)
            #expect(written.warnings == ["\(path) contains invalid JSON, overwriting"])
            #expect(try readFile(path) == Self.fresh)
            #expect(permissions(path) == 0o644)
        }
    }

    @Test("replaces an mcpServers value that is not an object")
    func replacesBadServers() async throws {
        try await withTemporaryDirectory { directory in
            try writeFile(directory + "/.mcp.json", #"{"mcpServers": [1]}"#)
            let written = try MCPConfigFile.write(
                mcpURL: "http://127.0.0.1:8000/mcp", credentials: Self.credentials, directory: directory)
            #expect(written.warnings.isEmpty)
            #expect(try readFile(written.path) == Self.fresh)
        }
    }
}
