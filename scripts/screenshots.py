#!/usr/bin/env python3
"""Takes the screenshots in README.md and docs/web.md from a running `leeway serve` demo (scripts/screenshots.sh starts
one and calls this). Drives headless Chromium through chromedriver's W3C WebDriver HTTP API with the standard library
only, so it needs nothing the browser tests do not already install.

Usage: screenshots.py BASE_URL OUT_DIR   (LEEWAY_CHROMIUM and LEEWAY_CHROMEDRIVER say where the browser is)

Every shot is a PNG of exactly one viewport: 1280x800 (desktop) or 390x844 (phone), at device scale 1.
"""
import base64
import html
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DESKTOP = (1280, 800)
PHONE = (390, 844)
STAFF_EMAIL = "staff@demo.leeway.test"
STAFF_PASSWORD = "leeway-demo-staff"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """The few WebDriver commands the shots need; every call fails loudly with what the driver said."""

    def __init__(self, chromium, chromedriver):
        self.port = free_port()
        self.driver = subprocess.Popen([chromedriver, f"--port={self.port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                self._call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--lang=en-US", "--window-size=1280,800"]
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                 "goog:chromeOptions": {"binary": chromium, "args": args}}}}
        self.session = self._call("POST", "/session", caps)["sessionId"]
        self._call("POST", self._s("/timeouts"), {"pageLoad": 60000, "script": 30000})

    def _s(self, path):
        return f"/session/{self.session}{path}"

    def _call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                return json.load(response).get("value")
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"webdriver {method} {path}: {e.read().decode(errors='replace')[:400]}") from None

    def viewport(self, size):
        width, height = size
        self._call("POST", self._s("/goog/cdp/execute"), {"cmd": "Emulation.setDeviceMetricsOverride", "params": {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": size == PHONE}})

    def go(self, url):
        self._call("POST", self._s("/url"), {"url": url})

    def url(self):
        return self._call("GET", self._s("/url"))

    def js(self, script, *args):
        return self._call("POST", self._s("/execute/sync"), {"script": script, "args": list(args)})

    def find(self, css, timeout=20):
        deadline = time.time() + timeout
        while True:
            found = self._call("POST", self._s("/elements"), {"using": "css selector", "value": css})
            if found:
                return list(found[0].values())[0]
            if time.time() > deadline:
                raise RuntimeError(f"nothing matches '{css}' on {self.url()}")
            time.sleep(0.2)

    def type(self, css, text):
        element = self.find(css)
        self._call("POST", self._s(f"/element/{element}/clear"), {})
        self._call("POST", self._s(f"/element/{element}/value"), {"text": text})

    def click(self, css):
        element = self.find(css)
        self.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", css)
        self._call("POST", self._s(f"/element/{element}/click"), {})

    def settle(self):
        """Waits for the page to finish loading and its fonts to be ready, so a shot never catches a half-drawn page."""
        deadline = time.time() + 20
        while self.js("return document.readyState") != "complete" and time.time() < deadline:
            time.sleep(0.1)
        self.js("return document.fonts ? document.fonts.ready.then(() => true) : true")
        time.sleep(0.3)

    def scroll_to(self, css, above=8):
        """Brings the element to the top of the viewport, `above` px below it (the page's own anchors do the same for people)."""
        self.find(css)
        self.js("const e = document.querySelector(arguments[0]); window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - arguments[1]);", css, above)
        time.sleep(0.2)

    def shot(self, out_dir, name):
        self.settle()
        png = base64.b64decode(self._call("GET", self._s("/screenshot")))
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(png)
        print(f"screenshots: {path}")

    def close(self):
        try:
            self._call("DELETE", self._s(""))
        finally:
            self.driver.terminate()
            self.driver.wait(timeout=10)


def sign_in_links(base):
    """The demo's own index page lists a fresh sign-in link for every demo customer."""
    with urllib.request.urlopen(base + "/", timeout=60) as response:
        page = response.read().decode()
    links = {}
    for href, customer in re.findall(r'<a href="(/me\?token=[^"]+)">.*?<code>(cus_[A-Za-z0-9_]+)</code>', page):
        links[customer] = base + html.unescape(href)
    if not links:
        raise RuntimeError(f"no sign-in links on {base}/ (is it `leeway serve`'s demo?)")
    return links


def as_customer(browser, links, customer):
    browser.go(links[customer])
    browser.find("#meter")  # /me/sign-in sets the cookie, then moves on to /me with a meta refresh
    browser.js("window.scrollTo(0, 0)")


def main():
    base, out_dir = sys.argv[1].rstrip("/"), sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    browser = Browser(os.environ.get("LEEWAY_CHROMIUM", "chromium"), os.environ.get("LEEWAY_CHROMEDRIVER", "chromedriver"))
    try:
        links = sign_in_links(base)

        # Staff: the queue, then the disputed payment's case (opened through Lee when serve starts), answered.
        browser.viewport(DESKTOP)
        browser.go(base + "/console")
        browser.type("#email", STAFF_EMAIL)
        browser.type("#password", STAFF_PASSWORD)
        browser.click("button[type=submit].primary")
        browser.find("tr[data-case]")
        browser.shot(out_dir, "console-queue-desktop.png")
        browser.viewport(PHONE)
        browser.shot(out_dir, "console-queue-phone.png")
        browser.viewport(DESKTOP)
        case_url = browser.js("const r = [...document.querySelectorAll('tr[data-case]')].find(r => r.textContent.includes('Dana Dispute'))"
                              " || document.querySelector('tr[data-case]'); return r.querySelector('a').href;")
        browser.go(case_url)
        browser.type("#reply-text", "Hello Dana, I have your bank's dispute in front of me. I am sending them the receipt "
                                    "for this charge today and will write again as soon as they answer.")
        browser.click("form[action*='handler=Reply'] button[type=submit]")
        browser.find("#reply-text")
        browser.js("window.scrollTo(0, 0)")
        browser.shot(out_dir, "console-case-desktop.png")
        browser.viewport(PHONE)
        browser.js("window.scrollTo(0, 0)")
        browser.shot(out_dir, "console-case-phone.png")

        # Customers: a declined payment (red), fixed in one click (green); charged twice (amber); a plan set to cancel.
        browser.viewport(DESKTOP)
        as_customer(browser, links, "cus_demo_funds")
        browser.shot(out_dir, "meter-red-desktop.png")
        browser.viewport(PHONE)
        browser.js("window.scrollTo(0, 0)")
        browser.shot(out_dir, "meter-red-phone.png")
        browser.viewport(DESKTOP)
        browser.click("form[data-fix='retry_payment'] button")
        browser.find("#notice")
        browser.js("window.scrollTo(0, 0)")
        browser.shot(out_dir, "meter-green-after-retry-desktop.png")

        as_customer(browser, links, "cus_demo_twice")
        browser.shot(out_dir, "meter-amber-desktop.png")

        # A fresh payment link handed is not a payment: the meter stays amber, with the way to pay, until it is used.
        as_customer(browser, links, "cus_demo_link")
        browser.click("form[data-fix='regenerate_link'] button")
        browser.go(base + "/me")
        browser.find("#meter[data-root-cause='payment_due']")
        browser.shot(out_dir, "meter-payment-due-desktop.png")

        as_customer(browser, links, "cus_demo_leaving")
        browser.scroll_to("#billing")
        browser.shot(out_dir, "billing-home-desktop.png")
        browser.viewport(PHONE)
        browser.scroll_to("#billing")
        browser.shot(out_dir, "billing-home-phone.png")

        # The one conversation: the customer's words, Lee's, and the reply staff sent above, with the person's name.
        as_customer(browser, links, "cus_demo_dispute")
        browser.scroll_to("#conversation")
        browser.shot(out_dir, "meter-conversation-phone.png")
        browser.viewport(DESKTOP)
        browser.scroll_to("#conversation")
        browser.shot(out_dir, "meter-conversation-desktop.png")

        # Operations, last, so the contacts above are on it: the charts, legible at both widths.
        browser.go(base + "/console/ops")
        browser.scroll_to("#ops svg", above=70)
        browser.shot(out_dir, "console-ops-desktop.png")
        browser.viewport(PHONE)
        browser.scroll_to("#ops svg", above=70)
        browser.shot(out_dir, "console-ops-phone.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
