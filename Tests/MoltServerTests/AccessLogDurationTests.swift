import Testing

@testable import MoltServer

@Suite("Durations in access log lines")
struct AccessLogDurationTests {
    @Test("written as milliseconds with two decimals, rounded half up")
    func milliseconds() {
        #expect(RequestPipeline.milliseconds(.zero) == "0.00")
        #expect(RequestPipeline.milliseconds(.microseconds(1234)) == "1.23")
        #expect(RequestPipeline.milliseconds(.microseconds(1235)) == "1.24")
        #expect(RequestPipeline.milliseconds(.microseconds(50)) == "0.05")
        #expect(RequestPipeline.milliseconds(.microseconds(4)) == "0.00")
        #expect(RequestPipeline.milliseconds(.milliseconds(100)) == "100.00")
        #expect(RequestPipeline.milliseconds(.seconds(12) + .microseconds(345_678)) == "12345.68")
    }
}
