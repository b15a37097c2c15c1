import Testing
import LearningNotebook

@Suite("The notebook JSON reader")
struct JSONReaderTests {
    @Test("\\u escapes decode to their scalars; a surrogate without its pair is U+FFFD, never a trap", arguments: [
        (#""\u0041""#, "A"),
        (#""\u00e9t\u00C9""#, "étÉ"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),          // a high surrogate, then a plain escape: trapped before
        (#""\ud800\ue000""#, "\u{FFFD}\u{E000}"),   // a high surrogate, then a non-surrogate: was a wrong character
        (#""\ud800""#, "\u{FFFD}"),
        (#""\ud800x""#, "\u{FFFD}x"),
        (#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),
        (#""\ud800\ud800\udc00""#, "\u{FFFD}\u{10000}"),
    ])
    func unicodeEscapes(_ json: String, _ expected: String) throws {
        #expect(try JSON.parse(json) == .string(expected))
    }

    @Test("escapes JSON does not have are located errors", arguments: [
        #""\u12""#, #""\u+123""#, #""\u12g4""#, #""\x41""#, #""\"#, #""\u"#,
    ])
    func badEscapes(_ json: String) {
        #expect(throws: JSONError.self) { try JSON.parse(json) }
    }

    @Test("a kernel request with a broken surrogate is answered, not a crash")
    func kernelRequest() throws {
        let request = try JSON.parse(#"{"code": "1 + \ud800\u0041"}"#)
        #expect(request["code"] == .string("1 + \u{FFFD}A"))
    }
}
