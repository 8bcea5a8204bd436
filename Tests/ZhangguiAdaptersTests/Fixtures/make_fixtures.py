#!/usr/bin/env python3
"""Writes the table-file fixtures next to this script.

Run it from anywhere with Python 3.11+ (`python3 make_fixtures.py`); the only third-party package it needs is
openpyxl (`pip install openpyxl`), for `openpyxl_orders.xlsx`. Output is deterministic: zip entries carry a fixed
timestamp and gzip members a zero mtime, so running it twice gives the same files. The tests read the files it
writes and never run Python.

Every value the tests expect is written literally below; the names and addresses are made up.
"""

import datetime
import gzip
import io
import pathlib
import re
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def write_zip(path, parts):
    """Writes `parts` (name -> bytes or str) as a deflated zip with fixed timestamps, in the given order."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)


# ---------------------------------------------------------------------------------------------------------------
# workbook.xlsx: hand-written XML, so every cell type and quirk is exactly what the tests expect.
# ---------------------------------------------------------------------------------------------------------------

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""

# The Chinese-named sheet comes first, so it is the default; "Refunds" is picked by name.
WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">
<workbookPr defaultThemeVersion="124226"/>
<sheets>
<sheet name="订单" sheetId="1" r:id="rId2"/>
<sheet name="Refunds" sheetId="2" r:id="rId1"/>
</sheets>
</workbook>"""

# Relationship ids deliberately do not follow sheet order; one target is absolute, one relative.
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet2.xml"/>
<Relationship Id="rId2" Type="{REL_NS}/worksheet" Target="/xl/worksheets/sheet1.xml"/>
<Relationship Id="rId3" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId4" Type="{REL_NS}/styles" Target="styles.xml"/>
</Relationships>"""

# Index: 0 订单编号, 1 "店铺 " (trailing space), 2 下单时间, 3 数量, 4 单价, 5 备注 (two rich-text runs plus a
# phonetic guide that must be left out), 6 旗舰店, 7 "A & B <x>" (entities), 8 "line1\r\nline2" (_x000D_ escape).
SHARED_STRINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{MAIN_NS}" count="9" uniqueCount="9">
<si><t>订单编号</t></si>
<si><t xml:space="preserve">店铺 </t></si>
<si><t>下单时间</t></si>
<si><t>数量</t></si>
<si><t>单价</t></si>
<si><r><rPr><b/></rPr><t>备</t></r><r><t>注</t></r><rPh sb="0" eb="1"><t>BEI</t></rPh></si>
<si><t>旗舰店</t></si>
<si><t>A &amp; B &lt;x&gt;</t></si>
<si><t>line1_x000D_
line2</t></si>
</sst>"""

# cellXfs: 0 General; 1 built-in 22 (m/d/yy h:mm); 2 built-in 14 (date); 3 custom 164 "yyyy/mm/dd hh:mm";
# 4 custom 165 "[Red]#,##0.00" (the d in [Red] is not a date letter); 5 custom 166 with quoted text only.
# cellStyleXfs lists a date format first to make sure it is not mistaken for cellXfs.
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN_NS}">
<numFmts count="3">
<numFmt numFmtId="164" formatCode="yyyy/mm/dd\\ hh:mm"/>
<numFmt numFmtId="165" formatCode="[Red]#,##0.00"/>
<numFmt numFmtId="166" formatCode="0&quot; days&quot;"/>
</numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" xfId="0"/>
<xf numFmtId="22" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="166" fontId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>"""

# Expected rows (see TableFilesXLSXTests):
#   1: 订单编号 | 店铺 | 下单时间 | 数量 | 单价 | 备注
#   2: T1001 | 旗舰店 | 2020-01-01 12:00:00 | 12 | 1299.5 | A & B <x>
#   3: T1002 | "" (B3 missing) | 2020-01-02 | 3 | 0.3 | TRUE
#   4: (no row element)
#   5: T1003 | 自营 (formula string) | 2020-01-03 06:00:00 | -2 | 12345.6789 | #N/A
#   6: only styled empty cells -> skipped
#   8: no r attributes on cells; row r=8: T1004 | 京东店 | (empty) | 7 (style 166) | 1,000 -> "1000" | line1\r\nline2
SHEET1 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">
<dimension ref="A1:F8"/>
<sheetViews><sheetView workbookViewId="0"/></sheetViews>
<cols><col min="1" max="6" width="14" customWidth="1"/></cols>
<sheetData>
<row r="1" spans="1:6"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>T1001</t></is></c><c r="B2" t="s"><v>6</v></c><c r="C2" s="1"><v>43831.5</v></c><c r="D2"><v>12</v></c><c r="E2" s="4"><v>1299.50</v></c><c r="F2" t="s"><v>7</v></c></row>
<!-- B3 is missing on purpose -->
<row r="3"><c r="A3" t="inlineStr"><is><t>T1002</t></is></c><c r="C3" s="2"><v>43832</v></c><c r="D3"><v>3</v></c><c r="E3"><v>0.30000000000000004</v></c><c r="F3" t="b"><v>1</v></c></row>
<row r="5"><c r="A5" t="inlineStr"><is><r><t>T10</t></r><r><t>03</t></r></is></c><c r="B5" t="str"><f>"自"&amp;"营"</f><v>自营</v></c><c r="C5" s="3"><v>43833.250000001</v></c><c r="D5"><v>-2</v></c><c r="E5"><v>12345.678900000001</v></c><c r="F5" t="e"><f>NA()</f><v>#N/A</v></c></row>
<row r="6"><c r="A6" s="2"/><c r="B6" s="1"></c></row>
<row r="8"><c t="inlineStr"><is><t>T1004</t></is></c><c t="inlineStr"><is><t>京东店</t></is></c><c/><c s="5"><v>7</v></c><c><v>1000</v></c><c t="s"><v>8</v></c></row>
</sheetData>
<mergeCells count="1"><mergeCell ref="A10:B10"/></mergeCells>
<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>
</worksheet>"""

# A sheet written with a namespace prefix on every element, as some exporters do; two title-less blank rows
# before the header, so the header is row 3.
SHEET2 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="{MAIN_NS}">
<x:sheetData>
<x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>退款单号</x:t></x:is></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>金额</x:t></x:is></x:c></x:row>
<x:row r="4"><x:c r="A4" t="inlineStr"><x:is><x:t>R-1</x:t></x:is></x:c><x:c r="B4"><x:v>19.9</x:v></x:c></x:row>
</x:sheetData>
</x:worksheet>"""


def make_workbook():
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/sharedStrings.xml": SHARED_STRINGS,
        "xl/styles.xml": STYLES,
        "xl/worksheets/sheet1.xml": SHEET1,
        "xl/worksheets/sheet2.xml": SHEET2,
    }
    write_zip(HERE / "workbook.xlsx", parts)
    data = (HERE / "workbook.xlsx").read_bytes()
    # Cut in half: the end-of-central-directory record is gone.
    (HERE / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    # One flipped byte inside the compressed first sheet: the archive's directory is intact, the data is not.
    damaged = bytearray(data)
    with zipfile.ZipFile(HERE / "workbook.xlsx") as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    name_length = int.from_bytes(data[info.header_offset + 26 : info.header_offset + 28], "little")
    extra_length = int.from_bytes(data[info.header_offset + 28 : info.header_offset + 30], "little")
    data_start = info.header_offset + 30 + name_length + extra_length
    damaged[data_start + info.compress_size // 2] ^= 0xFF
    (HERE / "damaged.xlsx").write_bytes(bytes(damaged))
    # The end record's directory offset set to 0xFFFFFFFF, the marker a ZIP64 archive puts there.
    end = data.rindex(b"PK\x05\x06")
    zip64 = data[: end + 16] + b"\xff\xff\xff\xff" + data[end + 20 :]
    (HERE / "zip64_marker.xlsx").write_bytes(zip64)
    # A sound archive whose sheet XML stops inside row 3.
    cut_sheet = SHEET1[: SHEET1.index('<c r="C3"')]
    write_zip(HERE / "malformed.xlsx", {**parts, "xl/worksheets/sheet1.xml": cut_sheet})


def make_openpyxl_workbook():
    """A workbook as a real writer (openpyxl) lays it out: shared strings, styles, custom date formats."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Orders"
    sheet.append(["订单编号", "商品", "数量", "单价", "付款时间", "发货日期", "已退款"])
    sheet.append(["TB-001", "保温杯 500ml", 2, 39.9, datetime.datetime(2021, 11, 11, 0, 0, 1), datetime.date(2021, 11, 12), False])
    sheet.append(["TB-002", "帆布袋", 1, 15, datetime.datetime(2021, 11, 11, 23, 59, 59), None, True])
    book.properties.created = datetime.datetime(2020, 1, 1)
    book.properties.modified = datetime.datetime(2020, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    # openpyxl stamps the save time into docProps/core.xml; pin it so the file's bytes never change.
    core = parts["docProps/core.xml"].decode("utf-8")
    parts["docProps/core.xml"] = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2020-01-01T00:00:00Z", core)
    write_zip(HERE / "openpyxl_orders.xlsx", parts)


# ---------------------------------------------------------------------------------------------------------------
# CSV files
# ---------------------------------------------------------------------------------------------------------------


def make_csv_files():
    # GB18030 as Excel on Chinese Windows saves "CSV (逗号分隔)": CRLF, no BOM, final line ends with CRLF.
    gb_rows = [
        "订单编号,店铺,下单时间,收货人,数量,单价",
        "TB20240101001,掌柜旗舰店,2024-01-01 09:30:00,张三,2,39.90",
        "TB20240101002,掌柜专营店,2024-01-01 10:05:12,李四,1,129.00",
        "TB20240101003,掌柜旗舰店,2024-01-02 21:00:00,王五,10,5.50",
    ]
    (HERE / "orders_gb18030.csv").write_bytes("\r\n".join(gb_rows).encode("gb18030") + b"\r\n")

    # UTF-8 with BOM; row 2 spans two lines (a quoted comma, doubled quotes and a line break); row 3 is blank;
    # the last line has no line break.
    quoted = (
        "\ufeffsku,name,note\n"
        'A-1,"Mug, blue","Say ""hi""\nto the buyer"\n'
        "\n"
        "A-2,Plate,"
    )
    (HERE / "quoted_bom.csv").write_bytes(quoted.encode("utf-8"))

    # The quote opened on row 4 is never closed.
    (HERE / "unterminated.csv").write_bytes(b'sku,qty\nA,1\nB,2\n"C,3\nD,4\n')

    # UTF-8 without BOM whose row 4 holds one damaged byte (0xFF) after plenty of well-formed Chinese text.
    good = "商品编号,商品名称\n" + "".join(f"S{n},中文商品名称第{n}号\n" for n in range(1, 3))
    (HERE / "bad_utf8.csv").write_bytes(good.encode("utf-8") + b"S3,\xff\xfe\n" + "S4,好\n".encode("utf-8"))

    # GB18030 whose row 3 holds a lead byte followed by a space: not valid GB18030.
    bad_gb = "编号,名称\r\n1,苹果\r\n".encode("gb18030") + b"2,\x81 \r\n" + "3,香蕉\r\n".encode("gb18030")
    (HERE / "bad_gb18030.csv").write_bytes(bad_gb)

    # UTF-16 little-endian with BOM, as Excel's "Unicode text" uses.
    (HERE / "utf16.csv").write_bytes("\ufeff名称,数量\r\n苹果,3\r\n".encode("utf-16-le"))

    # Gzip: two concatenated members, as `cat a.gz b.gz` makes; mtime 0 keeps the bytes stable.
    first = "InvoiceNo,StockCode,Quantity\r\n536365,85123A,6\r\n".encode("ascii")
    second = "536366,22633,6\r\n536367,84879,32\r\n".encode("ascii")
    members = gzip.compress(first, mtime=0) + gzip.compress(second, mtime=0)
    (HERE / "two_members.csv.gz").write_bytes(members)
    (HERE / "truncated.csv.gz").write_bytes(members[: len(gzip.compress(first, mtime=0)) - 6])

    # Only blank lines.
    (HERE / "blank.csv").write_bytes(b"\r\n,,\r\n\r\n")


if __name__ == "__main__":
    make_workbook()
    make_openpyxl_workbook()
    make_csv_files()
