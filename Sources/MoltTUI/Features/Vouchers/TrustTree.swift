import Foundation
public import MoltCore

/// The trust graph (spec §4.1) as a readable tree: each redeemed voucher is an edge issuer → redeemer, every
/// agent but the genesis ones has one issuer, so the graph is a forest rooted at the genesis agents.
public enum TrustTree {
    /// The tree's lines: roots first (agents who vouched but were never vouched for), each child under its
    /// issuer with box-drawing guides, in redemption order.
    public static func lines(_ edges: [TrustGraph.Edge], highlight: String? = nil) -> [TextView.Paragraph] {
        guard !edges.isEmpty else {
            return [TextView.Paragraph("No voucher has been redeemed yet: the graph is empty.", role: .muted)]
        }
        var children: [String: [TrustGraph.Edge]] = [:]
        var redeemers = Set<String>()
        for edge in edges {
            children[edge.issuerFingerprint.value, default: []].append(edge)
            redeemers.insert(edge.redeemerFingerprint.value)
        }
        for key in children.keys { children[key]?.sort { $0.redeemedAt < $1.redeemedAt } }
        let roots = Set(edges.map(\.issuerFingerprint.value)).subtracting(redeemers).sorted()
        var lines: [TextView.Paragraph] = []
        var visited = Set<String>()
        func walk(_ fingerprint: String, prefix: String) {
            let edges = children[fingerprint] ?? []
            for (index, edge) in edges.enumerated() {
                let last = index == edges.count - 1
                let child = edge.redeemerFingerprint.value
                let mark = child == highlight ? "  ← you" : ""
                lines.append(
                    TextView.Paragraph(
                        prefix + (last ? "└─ " : "├─ ") + child + "  vouched \(Format.date(edge.redeemedAt))" + mark,
                        role: child == highlight ? .title : .normal))
                guard visited.insert(child).inserted else { continue }
                walk(child, prefix: prefix + (last ? "   " : "│  "))
            }
        }
        for root in roots {
            lines.append(TextView.Paragraph(root + "  genesis" + (root == highlight ? "  ← you" : ""), role: .title))
            visited.insert(root)
            walk(root, prefix: "")
        }
        let agents = Set(edges.map(\.issuerFingerprint.value)).union(redeemers).count
        lines.append(TextView.Paragraph(""))
        lines.append(
            TextView.Paragraph(
                "\(agents) agents · \(edges.count) vouchers redeemed · \(roots.count) root\(roots.count == 1 ? "" : "s")",
                role: .muted))
        return lines
    }
}
