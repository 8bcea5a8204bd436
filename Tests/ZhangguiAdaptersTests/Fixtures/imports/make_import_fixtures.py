#!/usr/bin/env python3
"""Writes the order-import fixtures next to this script: one order file saved three ways.

Run it with Python 3.11+ (`python3 make_import_fixtures.py`); `orders.xlsx` needs openpyxl (`pip install openpyxl`).
The output is deterministic (fixed zip timestamps, gzip mtime 0). The tests read these files and never run Python.

The rows are the ones `TemplateRow.usualRows` builds in the tests (TB1001 on two rows, TB1002 on one); every name,
phone and address is made up.

- orders_gb18030.csv: GB18030 with CRLF line ends, as Excel on Chinese Windows saves "CSV (逗号分隔)".
- orders.csv.gz: UTF-8 with a byte-order mark and LF line ends, gzip-compressed.
- orders.xlsx: a workbook whose first sheet holds instructions and whose second sheet, 订单, holds the orders as a
  spreadsheet types them: times as Excel dates, quantities and prices as numbers, phones as text.
"""

import datetime
import gzip
import io
import pathlib
import re
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
FIXED_TIME = (2020, 1, 1, 0, 0, 0)

HEADER = [
    "订单编号", "店铺", "下单时间", "付款时间", "收货人", "手机", "省", "市", "区", "详细地址",
    "商家编码", "数量", "单价", "优惠", "运费", "买家留言", "卖家备注",
]

TB1001 = ["TB1001", "示例旗舰店", "2024-06-18 20:15:00", "2024-06-18 20:16:30", "张示例", "13800138000",
          "上海", "上海市", "黄浦区", "示例路1号"]
TB1002 = ["TB1002", "示例旗舰店", "2024-06-19 09:00:00", "2024-06-19 09:01:00", "李示例", "13900139000",
          "浙江", "杭州市", "西湖区", "示例街2号"]

# Order-level cells, then 商家编码, 数量, 单价, 优惠, 运费, 买家留言, 卖家备注 — all as text, the way a CSV holds them.
ROWS = [
    TB1001 + ["MUG-01", "2", "1,299.00", "10.00", "8.00", "请尽快发货", ""],
    TB1001 + ["CUP-02", "1", "45.50", "10.00", "8.00", "请尽快发货", ""],
    TB1002 + ["CUP-02", "3", "12.30", "", "", "", ""],
]


def csv_line(cells):
    quoted = ['"' + c.replace('"', '""') + '"' if ("," in c or '"' in c) else c for c in cells]
    return ",".join(quoted)


def make_csv_files():
    lines = [csv_line(HEADER)] + [csv_line(row) for row in ROWS]
    (HERE / "orders_gb18030.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    utf8 = ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")
    (HERE / "orders.csv.gz").write_bytes(gzip.compress(utf8, mtime=0))


def typed(column, text):
    """The cell as a spreadsheet holds it: times as datetimes, amounts and quantities as numbers."""
    if text == "":
        return None
    if column in ("下单时间", "付款时间"):
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    if column == "数量":
        return int(text)
    if column in ("单价", "优惠", "运费"):
        return float(text.replace(",", ""))
    return text


def write_zip(path, parts):
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)


def make_workbook():
    import openpyxl

    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填写说明"
    notes.append(["填写说明"])
    notes.append(["同一订单的多个商品写成多行，订单编号和店铺相同"])
    orders = book.create_sheet("订单")
    orders.append(HEADER)
    for row in ROWS:
        orders.append([typed(column, text) for column, text in zip(HEADER, row)])
    for cells in orders.iter_rows(min_row=2):
        for cell in cells:
            column = HEADER[cell.column - 1]
            if column in ("下单时间", "付款时间"):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            elif column in ("单价", "优惠", "运费"):
                cell.number_format = "#,##0.00"
    book.properties.created = datetime.datetime(2020, 1, 1)
    book.properties.modified = datetime.datetime(2020, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    # openpyxl stamps the save time into docProps/core.xml; pin it so the file's bytes never change.
    core = parts["docProps/core.xml"].decode("utf-8")
    parts["docProps/core.xml"] = re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>2020-01-01T00:00:00Z", core)
    write_zip(HERE / "orders.xlsx", parts)


if __name__ == "__main__":
    make_csv_files()
    make_workbook()
