"""Drives headless Chromium through the pages: register a company, turn on two-step sign-in from the QR page,
sign out and in again with a code from the authenticator (computed here, RFC 6238), import the example orders
through the imports page (preview first, then confirm and follow the task), approve a held order on the desk,
allocate and take waybill numbers, look at stock and its ledger, print the labels (the PDF is downloaded), pack a
parcel by scanning into the focused field and pressing Enter, ship, and check that the warehouse user neither sees
the approve button nor can post an approval. Screenshots of each page go to the output folder.
Usage: browser_test.py URL OUTDIR TOOL DATABASE"""

import base64
import hashlib
import hmac
import json
import os
import struct
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

URL, OUT, TOOL, DB = sys.argv[1:5]
EMAIL = "owner@browser.example"
PASSWORD = "correct horse battery staple"


def totp(secret, at):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1000000)


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=820,1180",
                     "--disable-dev-shm-usage", "--no-proxy-server"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"download.default_directory": os.path.abspath(OUT),
                                              "download.prompt_for_download": False})
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def fill(driver, fields):
    for name, value in fields.items():
        element = driver.find_element(By.NAME, name)
        element.clear()
        element.send_keys(value)


def replaced(page):
    """A wait condition: the page whose root element is `page` has been replaced by the next one. Chromium may
    report the old root as stale or, while the new document loads, as a node that "does not belong to the
    document"; both mean it is gone."""
    def gone(_):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return gone


def click(driver, selector):
    """Clicks the element and waits for the page it submits to or links to."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 10).until(replaced(page))


def shot(driver, name):
    driver.save_screenshot("%s/%s.png" % (OUT, name))


def expect(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok -", what)


def scan(driver, text):
    """Types into the focused field as a barcode scanner does, Enter included, and waits for the next page."""
    page = driver.find_element(By.TAG_NAME, "html")
    driver.switch_to.active_element.send_keys(text + Keys.ENTER)
    WebDriverWait(driver, 10).until(replaced(page))


def import_orders(driver):
    """Uploads the example orders: the preview lists counts and writes nothing; confirming runs a task."""
    driver.get(URL + "/imports")
    Select(driver.find_element(By.NAME, "kind")).select_by_value("orders")
    driver.find_element(By.NAME, "file").send_keys(os.path.abspath("docs/examples/orders.csv"))
    click(driver, "button.primary")
    expect("尚未写入任何数据" in driver.page_source and "读取" in driver.page_source,
           "the import preview shows the counts before anything is written")
    expect(api(driver, "GET", "/api/v1/orders").get("orders") == [], "the preview stored no order")
    shot(driver, "04a-import-preview")
    click(driver, "button.primary")
    expect("/tasks/" in driver.current_url, "confirming the import shows its task")
    shot(driver, "04b-task-progress")
    WebDriverWait(driver, 20).until(lambda d: "已完成" in d.page_source)
    expect("导入" in driver.page_source, "the import task ends done with its counts")
    shot(driver, "04c-task-done")


def tick_all(driver):
    """Ticks every order on the desk's page: batch steps act on the ticked orders only."""
    for box in driver.find_elements(By.CSS_SELECTOR, "input[type='checkbox'][name='id']"):
        if not box.is_selected():
            box.click()


def fulfil(driver):
    """Allocates and takes waybill numbers on the desk, looks at stock and its ledger, prints the labels."""
    driver.get(URL + "/orders")
    tick_all(driver)
    click(driver, "button[value='allocate']")
    expect("已配货" in driver.page_source, "allocating from the desk reserves stock")
    driver.get(URL + "/orders")
    tick_all(driver)
    click(driver, "button[value='waybill']")
    expect("运单号" in driver.page_source, "the waybill step takes numbers")
    driver.get(URL + "/stock")
    expect("MUG-01" in driver.page_source, "the stock page lists the SKUs")
    shot(driver, "11-stock")
    click(driver, "table a[href^='/stock/ledger?sku=TEA-03']")
    expect("库存流水" in driver.page_source and "href=\"/orders/" in driver.page_source,
           "a stock row opens the ledger behind it, which links the order that reserved it")
    shot(driver, "12-ledger")
    driver.get(URL + "/labels")
    expect("等待打印面单" in driver.page_source, "the labels page counts the parcels waiting")
    shot(driver, "13-labels")
    driver.find_element(By.CSS_SELECTOR, "form[action='/labels/print'] button").click()
    pdf = os.path.join(OUT, "labels-1.pdf")
    WebDriverWait(driver, 15).until(lambda _: os.path.exists(pdf) and os.path.getsize(pdf) > 0)
    with open(pdf, "rb") as file:
        expect(file.read(5) == b"%PDF-", "printing downloads the labels of batch 1 as a PDF")
    driver.get(URL + "/labels")
    expect("没有等待打印面单的包裹" in driver.page_source, "once printed no parcel waits for its label")


def pack_and_ship(driver):
    """Scans a parcel's waybill, a wrong item, then each item it holds, enters the weight, and ships."""
    waybills = [order["waybill"] for order in api(driver, "GET", "/api/v1/orders?state=waybilled")["orders"]
                if order.get("waybill")]
    expect(waybills, "there are waybilled parcels to pack")
    driver.get(URL + "/packing")
    scan(driver, waybills[0])
    rows = driver.find_elements(By.CSS_SELECTOR, "table.bench tr")[1:]
    lines = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    expect(lines, "scanning the waybill shows the parcel's items")
    scan(driver, "NO-SUCH-ITEM")
    expect(driver.find_elements(By.CSS_SELECTOR, ".scan-bad"), "an unknown barcode is shown in red")
    shot(driver, "14-packing-unknown")
    for sku, wanted, scanned in lines:
        for _ in range(int(wanted) - int(scanned)):
            scan(driver, sku)
            expect(driver.find_elements(By.CSS_SELECTOR, ".scan-good"), "scanning %s is accepted" % sku)
    shot(driver, "15-packing-complete")
    scan(driver, "640")
    expect("已打包" in driver.page_source, "the weight finishes packing")
    shot(driver, "16-packed")
    click(driver, "button[value='ship']")
    expect("已发货" in driver.page_source, "the packed parcels ship")


def zhanggui(*arguments):
    subprocess.run([TOOL, *arguments, "--db", DB], check=True, stdout=subprocess.DEVNULL)


def api(driver, method, path, body=None):
    """Calls the JSON API with the browser's session cookie and its CSRF token, as a script on the page would."""
    cookies = {cookie["name"]: cookie["value"] for cookie in driver.get_cookies()}
    request = urllib.request.Request(URL + path, method=method, data=json.dumps(body).encode() if body else None)
    request.add_header("Cookie", "zg_session=" + cookies["zg_session"])
    request.add_header("X-CSRF-Token", cookies["zg_csrf"])
    request.add_header("Content-Type", "application/json")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request) as answer:
        return json.loads(answer.read() or b"{}")


def check_warehouse_user(driver):
    """A warehouse clerk sees no approve button, and posting an approval anyway is refused."""
    roles = api(driver, "GET", "/api/v1/roles")["roles"]
    warehouse = [role["id"] for role in roles if str(role.get("builtIn", "")).lower() == "warehouse" or role["name"] == "仓储"]
    api(driver, "POST", "/api/v1/users",
        {"email": "clerk@browser.example", "displayName": "clerk", "password": PASSWORD, "roleIDs": warehouse})
    clerk = browser()
    try:
        clerk.get(URL + "/signin")
        fill(clerk, {"email": "clerk@browser.example", "password": PASSWORD})
        click(clerk, "button.primary")
        clerk.get(URL + "/orders")
        expect(not clerk.find_elements(By.CSS_SELECTOR, "button[value='approve']"),
               "the warehouse clerk sees no approve button")
        expect(clerk.find_elements(By.CSS_SELECTOR, "button[value='allocate']"),
               "the warehouse clerk sees the allocate button")
        shot(clerk, "09-warehouse-desk")
        token = clerk.find_element(By.NAME, "csrf").get_attribute("value")
        first = clerk.find_element(By.CSS_SELECTOR, "input[name='id']").get_attribute("value")
        script = """
            const form = document.createElement('form');
            form.method = 'post'; form.action = '/orders/actions';
            for (const [name, value] of [['csrf', arguments[0]], ['action', 'approve'], ['id', arguments[1]]]) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value; form.appendChild(input);
            }
            document.body.appendChild(form); form.submit();"""
        page = clerk.find_element(By.TAG_NAME, "html")
        clerk.execute_script(script, token, first)
        WebDriverWait(clerk, 10).until(replaced(page))
        expect("没有权限" in clerk.page_source, "an approval posted by the warehouse clerk is refused")
        shot(clerk, "10-warehouse-refused")
    finally:
        clerk.quit()


def main():
    driver = browser()
    try:
        driver.get(URL + "/register")
        fill(driver, {"company": "浏览器测试店", "email": EMAIL, "password": PASSWORD})
        click(driver, "button.primary")
        expect("浏览器测试店" in driver.page_source, "registering opens the dashboard")
        shot(driver, "01-dashboard-empty")

        zhanggui("import", "products", "docs/examples/products.csv")
        zhanggui("import", "stock", "docs/examples/opening_stock.csv")
        zhanggui("warehouse", "sender", "MAIN", "--name", "示例仓", "--phone", "021-55550000",
                 "--address", "示例工业路8号", "--province", "上海", "--city", "上海市", "--district", "闵行区")

        driver.get(URL + "/account")
        click(driver, "button.primary")
        expect(driver.find_elements(By.CSS_SELECTOR, "svg.qr"), "two-factor setup shows a QR code")
        shot(driver, "02-totp-qr")
        secret = driver.find_element(By.NAME, "secret").get_attribute("value")
        now = time.time()
        fill(driver, {"code": totp(secret, now)})
        click(driver, "button.primary")
        expect("两步验证已开启" in driver.page_source, "the first code turns two-step sign-in on")
        shot(driver, "03-recovery-codes")

        click(driver, "form[action='/signout'] button")
        expect(driver.current_url.endswith("/signin"), "signing out shows the sign-in page")
        fill(driver, {"email": EMAIL, "password": PASSWORD})
        click(driver, "button.primary")
        expect("两步验证" in driver.page_source, "the password alone asks for the second factor")
        fill(driver, {"password": PASSWORD, "code": totp(secret, now + 30)})
        click(driver, "button.primary")
        import_orders(driver)
        zhanggui("review")
        driver.get(URL + "/")
        expect("待审核" in driver.page_source and "挂起原因" in driver.page_source,
               "the code from the app signs in to the dashboard")
        shot(driver, "04-dashboard")

        driver.get(URL + "/orders?state=onHold")
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[name='id']")
        expect(len(boxes) >= 1, "the order desk lists the held orders")
        shot(driver, "05-order-desk")
        first = boxes[0].get_attribute("value")
        boxes[0].click()
        click(driver, "button[value='approve']")
        expect("已审核" in driver.page_source or "库存不足" in driver.page_source,
               "approving the chosen order answers with its outcome")
        shot(driver, "06-approve-result")

        driver.get(URL + "/orders/" + first)
        expect("order.approve" in driver.page_source, "the order page shows the approval in its history")
        shot(driver, "07-order")
        fulfil(driver)
        pack_and_ship(driver)

        driver.get(URL + "/language?to=en&back=/orders")
        expect("Orders" in driver.page_source and "Sign out" in driver.page_source, "the pages switch to English")
        shot(driver, "08-order-desk-en")
        driver.get(URL + "/stock")
        expect("Available" in driver.page_source and "Ledger" in driver.page_source, "the stock page is in English")
        shot(driver, "08b-stock-en")

        driver.get(URL + "/orders/999999")
        expect("Not found" in driver.page_source, "an unknown order is not found")
        check_warehouse_user(driver)
    finally:
        driver.quit()


if __name__ == "__main__":
    started = time.time()
    main()
    print("browser test passed in %.1f s" % (time.time() - started))
