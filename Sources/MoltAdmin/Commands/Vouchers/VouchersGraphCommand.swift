import Foundation
import MoltClient
import MoltCommandLine
import MoltCore

/// `vouchers graph [--dot]`: the web of trust (one edge per redeemed voucher, spec §4.1) as a tree rooted at
/// the genesis agents, as Graphviz `dot` text, or as JSON edges.
struct VouchersGraphCommand: AdminCommand {
    static let spec = CommandSpec(
        path: ["vouchers", "graph"],
        usage: "vouchers graph [--dot]",
        summary: "Show who vouched for whom: a tree, Graphviz dot, or JSON edges",
        flags: [.toggle("dot", help: "Print a Graphviz digraph (render with: dot -Tsvg)")],
        details: ["Reads the public GET /vouch/graph, every page; roots are agents nobody vouched for (genesis)."],
        examples: ["vouchers graph --dot | dot -Tsvg > trust.svg"])

    let dot: Bool

    init(_ arguments: CommandArguments) throws(ValidationError) {
        try arguments.noPositionals()
        dot = arguments.isSet("dot")
        if dot, arguments.isSet("json") { throw ValidationError("--dot and --json cannot be combined") }
    }

    func run(in context: AdminContext) async throws -> ExitCode {
        let edges = try await Self.allEdges(context.api)
        if context.output.json {
            try context.output.document(TrustGraph(edges: edges))
        } else if dot {
            context.output.line(TrustForest(edges).dot)
        } else {
            let text = TrustForest(edges).tree
            context.output.line(text.isEmpty ? "No vouchers redeemed yet." : text)
        }
        return .success
    }

    /// Every edge of the graph, newest redemption first.
    static func allEdges(_ api: MoltAPIClient) async throws -> [TrustGraph.Edge] {
        var edges: [TrustGraph.Edge] = []
        let page = VoucherLimits.graphLimitRange.upperBound
        while true {
            let batch = try await api.trustGraph(TrustGraphQuery(limit: page, offset: edges.count)).edges
            edges += batch
            if batch.count < page { return edges }
        }
    }
}

/// The trust graph as a forest: each agent's children are the agents it vouched for.
struct TrustForest {
    let edges: [TrustGraph.Edge]
    private let children: [String: [TrustGraph.Edge]]
    let roots: [String]

    init(_ edges: [TrustGraph.Edge]) {
        self.edges = edges
        children = Dictionary(grouping: edges, by: \.issuerFingerprint.value).mapValues {
            $0.sorted { $0.redeemedAt < $1.redeemedAt }
        }
        let redeemers = Set(edges.map(\.redeemerFingerprint.value))
        roots = Set(edges.map(\.issuerFingerprint.value)).subtracting(redeemers).sorted()
    }

    /// `21FE-… (genesis)` with `├──`/`└──` branches and redemption dates.
    var tree: String {
        var lines: [String] = []
        var seen = Set<String>()
        func walk(_ fingerprint: String, prefix: String) {
            let branches = children[fingerprint] ?? []
            for (index, edge) in branches.enumerated() {
                let last = index == branches.count - 1
                let child = edge.redeemerFingerprint.value
                lines.append(prefix + (last ? "└── " : "├── ") + child + "  " + Format.time(edge.redeemedAt))
                guard seen.insert(child).inserted else { continue }
                walk(child, prefix: prefix + (last ? "    " : "│   "))
            }
        }
        for root in roots {
            lines.append("\(root) (genesis)")
            seen.insert(root)
            walk(root, prefix: "")
        }
        return lines.joined(separator: "\n")
    }

    /// A Graphviz digraph, one edge per redemption labelled with its date.
    var dot: String {
        var lines = [
            "digraph moltnet_trust {", "  rankdir=LR;", "  node [shape=box, fontname=\"monospace\"];",
        ]
        for root in roots { lines.append("  \"\(root)\" [style=bold, xlabel=\"genesis\"];") }
        for edge in edges.sorted(by: { $0.redeemedAt < $1.redeemedAt }) {
            lines.append(
                "  \"\(edge.issuerFingerprint.value)\" -> \"\(edge.redeemerFingerprint.value)\" "
                    + "[label=\"\(Format.time(edge.redeemedAt).prefix(10))\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }
}
