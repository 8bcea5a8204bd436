/// The one stylesheet of the pages, served from the binary. Plain CSS, no fonts or images fetched; the tables
/// scroll sideways and the header wraps on a tablet-sized screen.
enum Stylesheet {
    static let css = """
        :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #b4232a; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif; color: var(--ink); }
        header { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem;
          background: var(--ink); color: #fff; }
        header a, header .link { color: #fff; }
        header nav { display: flex; gap: 1rem; flex: 1; }
        .company { font-weight: 600; }
        main { padding: 1rem; max-width: 80rem; }
        h1 { font-size: 1.4rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
        table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; }
        th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; white-space: nowrap; }
        th { background: var(--bg); }
        td.number, th.number { text-align: right; }
        form.inline { display: inline; }
        form.filters { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-bottom: 1rem; }
        label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        input, select, button { font: inherit; padding: .35rem .5rem; min-height: 2.4rem; }
        button { border: 1px solid var(--line); background: #fff; border-radius: 4px; cursor: pointer; }
        button.primary { background: var(--ink); color: #fff; }
        button.link { border: 0; background: none; padding: 0; min-height: 0; text-decoration: underline; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); gap: .8rem; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: .8rem; }
        .card .figure { font-size: 1.8rem; font-weight: 600; }
        .error { color: var(--accent); font-weight: 600; }
        .notice { background: var(--bg); border-left: 4px solid var(--ink); padding: .5rem .8rem; }
        .badge { background: var(--accent); color: #fff; border-radius: 3px; padding: 0 .3rem; font-size: .8rem; }
        .stack { display: flex; flex-direction: column; gap: .6rem; max-width: 24rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .8rem 0; }
        .pager { margin: 1rem 0; }
        code { font-size: 1rem; }
        svg.qr { width: 14rem; height: 14rem; }
        .scan-banner { font-size: 1.8rem; font-weight: 700; padding: 1rem; border-radius: 6px; color: #fff; }
        .scan-good { background: #1a7f37; }
        .scan-warning { background: #9a6700; }
        .scan-bad { background: var(--accent); }
        form.bench { display: flex; flex-wrap: wrap; gap: .6rem; align-items: end; margin: 1rem 0; }
        form.bench input { font-size: 1.4rem; min-height: 3rem; width: 20rem; max-width: 100%; }
        table.bench td { font-size: 1.3rem; }
        tr.done td { color: #1a7f37; }
        progress { width: 100%; max-width: 40rem; height: 1.5rem; }
        td .task-progress, li .task-progress { margin: 0; }
        td progress, li progress { width: 10rem; height: 1rem; }
        header nav { flex-wrap: wrap; gap: .3rem 1rem; }
        header nav a { white-space: nowrap; }
        .alarm { background: var(--accent); color: #fff; font-weight: 600; padding: .5rem .8rem; border-radius: 4px; }
        td.wrap { white-space: normal; }
        fieldset { border: 1px solid var(--line); border-radius: 4px; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
        label.choice { flex-direction: row; align-items: center; gap: .3rem; color: var(--ink); font-size: 1rem; }
        """

    static var response: HTTPResponse {
        var response = HTTPResponse(status: .ok, body: Array(css.utf8))
        response.headers.add("Content-Type", "text/css; charset=utf-8")
        response.headers.add("Cache-Control", "public, max-age=3600")
        response.headers.add("X-Content-Type-Options", "nosniff")
        return response
    }
}
