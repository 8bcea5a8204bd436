import Testing

@testable import zhanggui

@Suite("What the tool prints")
struct OutputTests {
    @Test("control characters from files are shown, not obeyed")
    func controlCharactersAreShown() {
        #expect(Output.printable("A\u{1B}[31mRED") == "A\\u{1b}[31mRED")
        #expect(Output.printable("第一行\n第二行") == "第一行\\u{a}第二行")
        #expect(Output.printable("示例路1号") == "示例路1号")
    }

    @Test("amounts print as yuan with separators")
    func yuan() {
        #expect(Output.yuan(129_900) == "1,299.00")
        #expect(Output.yuan(-5) == "-0.05")
    }
}
