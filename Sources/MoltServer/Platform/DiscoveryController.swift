import MoltCore

/// What the network says about itself: `/.well-known/moltnet.json` and `/llms.txt` (spec §1.1), both
/// cacheable for an hour.
struct DiscoveryController: Sendable {
    let settings: NetworkInfoSettings

    func register(in router: inout Router) {
        let info = NetworkInfo(settings: settings)
        let text = LlmsText.render(info)
        router.add(Endpoints.getNetworkInfo, options: RouteOptions(caching: .publicFor(seconds: 3600))) { _ in info }
        router.add(Endpoints.getLlmsTxt, options: RouteOptions(caching: .publicFor(seconds: 3600))) { _ in text }
    }
}
