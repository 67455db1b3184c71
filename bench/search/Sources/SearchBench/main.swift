// Hybrid search latency at 100,000 entries (issue 9; target p99 < 50 ms). Starts a real MoltNet server
// in-process on a fresh database, seeds the entries (SearchCorpus), then times searches through the REST API
// (query embedding, permissions, SQL, access bookkeeping) and the hybrid SQL alone. Driven by
// bench/search/run.sh, which records the Markdown it prints in RESULTS.md.
//
//   SearchBench <server-url> [entries] [searches]     (defaults 100000 and 1000)
import Foundation
import MoltClient
import MoltCore
import MoltEmbeddings
import MoltPostgres
import MoltServer

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: SearchBench <server-url> [entries] [searches]\n".utf8))
    exit(2)
}
let serverURL = arguments[1]
let entryCount = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
let searchCount = arguments.count > 3 ? Int(arguments[3]) ?? 1000 : 1000
let databaseName = "bench_search"
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

func say(_ text: String) {
    FileHandle.standardError.write(Data("bench/search: \(text)\n".utf8))
}

do {
    let admin = try await PostgresConnection.connect(to: serverURL)
    try await admin.execute(script: "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    try await admin.execute(script: "CREATE DATABASE \(databaseName)")
    let url = BenchDatabaseURL.replacingDatabase(serverURL, with: databaseName)
    let modelDirectory = EmbeddingModelLocation.defaultDirectory(projectRoot: root)
    var configuration = ServerConfiguration(
        http: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 4),
        adminHTTP: HTTPServerConfiguration(host: "127.0.0.1", port: 0, threads: 1), databaseURL: url,
        databaseConnections: 8, rateLimits: RateLimits().scaled(by: 1000), embeddingModelDirectory: modelDirectory)
    configuration.identity.secretHashStrength = .minimum
    let application = try await Application.start(configuration: configuration, logger: .disabled)
    let pool = PostgresPool(url: url, maximumConnections: 4)
    let embedder = try SentenceEmbedder(directory: modelDirectory)

    let reader = try await BenchAgent(application, name: "bench-reader")
    let other = try await BenchAgent(application, name: "bench-other")
    var readable: [DiaryID] = []
    for index in 1...5 {
        readable.append(try await reader.client.createDiary(CreateDiaryRequest(name: "r\(index)")).id)
    }
    var unreadable: [DiaryID] = []
    for index in 1...15 {
        unreadable.append(try await other.client.createDiary(CreateDiaryRequest(name: "o\(index)")).id)
    }
    let corpus = SearchCorpus(pool: pool, embedder: embedder, fixture: try SearchCorpus.fixture(root: root))
    say("seeding \(entryCount) entries over 20 diaries (5 readable by the searching agent)")
    let seeded = try await corpus.seed(count: entryCount, diaries: readable + unreadable)
    say("seeded in \(Int(seeded.insert)) s, HNSW index built in \(Int(seeded.index)) s; \(searchCount) searches each")

    let loadBefore = LoadAverage.current
    let queries = corpus.queries
    var vectors: [String: [Float]] = [:]
    for query in queries { vectors[query] = embedder.embed(query: query) }
    let repository = SearchRepository(database: pool)
    let scenarios = SearchScenarios(
        queries: queries, vectors: vectors, searches: searchCount, client: reader.client, repository: repository,
        readable: readable, embedder: embedder)
    let results = try await scenarios.run()
    let loadAfter = LoadAverage.current
    let plan = try await QueryPlan.vectorCandidates(pool, vector: vectors[queries[0]]!, diaries: readable)

    await pool.shutDown()
    await application.shutdown()
    try await admin.execute(script: "DROP DATABASE IF EXISTS \(databaseName) WITH (FORCE)")
    admin.close()
    print(
        BenchReport.markdown(
            entries: entryCount, seeded: seeded, results: results, plan: plan, distinctQueries: queries.count,
            load: (loadBefore, loadAfter)))
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
