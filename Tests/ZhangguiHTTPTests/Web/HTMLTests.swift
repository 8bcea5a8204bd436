import Testing

@testable import ZhangguiHTTP

@Suite("the HTML builder escapes every value it is given")
struct HTMLTests {
    @Test("a stored script or quote is text, while the template's own markup stays markup")
    func escapes() {
        let note = "<script>alert('x')</script> & \"quoted\""
        let html: HTML = "<td title=\"\(note)\">\(note)</td>"
        #expect(
            html.markup
                == "<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>"
        )
    }

    @Test("HTML inside HTML is kept as it is; numbers are written plainly")
    func nests() {
        let cell: HTML = "<td>\(Int64(42))</td>"
        let row: HTML = "<tr>\(cell)\([cell, cell])</tr>"
        #expect(row.markup == "<tr><td>42</td><td>42</td><td>42</td></tr>")
    }

    @Test("a form body decodes plus signs, percent escapes and repeated names")
    func formBody() {
        let form = FormBody(Array("a=1&id=2&id=3&note=%E7%BC%BA+%3Cb%3E&bad=%zz".utf8))
        #expect(form.values("id") == ["2", "3"])
        #expect(form["note"] == "缺 <b>")
        #expect(form["bad"] == "%zz")
        #expect(form["missing"] == nil)
    }

    @Test(
        "redirects stay on this site",
        arguments: [
            ("/orders?x=1", "/orders?x=1"), ("//evil.example/", "/"), ("https://evil.example", "/"), ("/\\evil", "/"),
        ]
    )
    func localPaths(path: String, expected: String) {
        #expect(Responses.localPath(path) == expected)
    }

    @Test("amounts are written in yuan with two decimals and grouped thousands")
    func yuan() {
        let texts = Texts(language: .zhHans)
        #expect(texts.yuan(129_050) == "¥1,290.50")
        #expect(texts.yuan(5) == "¥0.05")
        #expect(texts.yuan(-50) == "-¥0.50")
        #expect(texts.yuan(100_000_000) == "¥1,000,000.00")
    }
}
