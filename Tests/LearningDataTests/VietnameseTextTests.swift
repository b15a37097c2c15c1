import Testing
@testable import LearningData

@Suite("Vietnamese text")
struct VietnameseTextTests {
    @Test("folding drops case, diacritics and punctuation", arguments: [
        ("Bình Thạnh", "binh thanh"), ("Q. Bình Thạnh", "q binh thanh"), ("ĐƠN VỊ HỌC TẬP", "don vi hoc tap"),
        ("  Liên   Hương ", "lien huong"), ("TP.HCM", "tp hcm"), ("Hán Đà", "han da"), ("Gia đình hiếu học", "gia dinh hieu hoc"),
        ("tổ dân phố", "to dan pho"), ("“Cộng đồng học tập”", "cong dong hoc tap"), ("Phường 6", "phuong 6"),
    ])
    func fold(text: String, folded: String) {
        #expect(VietnameseText.fold(text) == folded)
    }

    @Test("combining marks and precomposed letters are the same text")
    func normalisation() {
        let decomposed = "Bi\u{300}nh Tha\u{323}nh"
        #expect(decomposed.unicodeScalars.count != "Bình Thạnh".unicodeScalars.count)
        #expect(VietnameseText.nfc(decomposed).unicodeScalars.elementsEqual("Bình Thạnh".unicodeScalars))
        #expect(VietnameseText.fold(decomposed) == "binh thanh")
    }

    @Test("matching ignores diacritics")
    func contains() {
        #expect(VietnameseText.foldedContains("quận Bình Thạnh", "binh thanh"))
        #expect(VietnameseText.foldedContains("Bắc Kạn", "BAC"))
        #expect(!VietnameseText.foldedContains("Bắc Kạn", "bac giang"))
    }

    @Test("edit distance and suggestions")
    func suggestions() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
        // Two neighbours swapped are one slip, not two: "yaer" is nearer "year" than "per".
        #expect(editDistance("yaer", "year") == 1)
        #expect(editDistance("yaer", "per") == 2)
        #expect(closestMatches(to: "yaer", among: ["per", "year", "periods"]).first == "year")
        #expect(closestMatches(to: "binh tanh", among: ["Bình Thạnh", "Bắc Kạn", "Hán Đà"]) == ["Bình Thạnh"])
        #expect(closestMatches(to: "zzzzzz", among: ["Bình Thạnh"]).isEmpty)
    }
}
