"""What the browser tests share: how Chromium is started and what a page did."""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Page, Request, Response

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass
class Traffic:
    """What the browser did while a page was open."""

    base: str
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.base)]


def watch(page: Page, base: str) -> Traffic:
    """Record the page's requests, failures and console errors."""
    traffic = Traffic(base)

    def on_request(request: Request) -> None:
        traffic.requests.append(request.url)

    def on_failed(request: Request) -> None:
        # Leaving a page aborts what it was still loading; that is no failure.
        if request.failure != "net::ERR_ABORTED":
            traffic.failures.append(f"failed {request.url}: {request.failure}")

    def on_response(response: Response) -> None:
        # A 404 is expected only for the address a test asks for on purpose.
        if response.status >= 400 and "does-not-exist" not in response.url:
            traffic.failures.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and "404" not in message.text:
            traffic.console_errors.append(message.text)

    page.on("request", on_request)
    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    page.on("console", on_console)
    return traffic
