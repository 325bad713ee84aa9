"""The site's other files: 404.html, sitemap.xml, an Atom feed and robots.txt."""

from __future__ import annotations

from html import escape  # (quotes too: some stand in attributes)
from pathlib import Path

from publish.formats import BuildContext
from publish.fsutil import write_text
from publish.labels import labels
from publish.model import Summary
from publish.timestamps import iso


def write(ctx: BuildContext, site: Path, documents: list[Summary], stylesheet: str) -> None:
    url = ctx.config.base_url
    language = ctx.config.language
    write_text(
        site / "404.html",
        ctx.renderer.render(
            "404.html",
            lang=language,
            root=url,
            path="404.html",
            stylesheet=stylesheet,
            labels=labels(language),
        ),
    )
    pages = ["", "search/", *(f"{d.slug}/" for d in documents)]
    sitemap = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    sitemap += [f"  <url><loc>{escape(url + page)}</loc></url>" for page in pages]
    write_text(site / "sitemap.xml", "\n".join([*sitemap, "</urlset>", ""]))
    write_text(site / "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n")
    updated = iso(ctx.built)
    feed = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(language)}">',
        f"  <title>{escape(ctx.config.title)}</title>",
        f'  <link href="{escape(url)}"/>',
        f'  <link rel="self" href="{escape(url)}feed.xml"/>',
        f"  <id>{escape(url)}</id>",
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(ctx.config.publisher or ctx.config.title)}</name></author>",
    ]
    for doc in documents:
        when = f"{doc.meta.date}T00:00:00Z" if doc.meta.date else updated
        feed += [
            "  <entry>",
            f"    <title>{escape(doc.meta.title)}</title>",
            f'    <link href="{escape(url + doc.slug)}/"/>',
            f"    <id>{escape(doc.meta.identifier)}</id>",
            f"    <updated>{when}</updated>",
            *(f"    <author><name>{escape(a)}</name></author>" for a in doc.meta.authors),
            f"    <summary>{escape(doc.summary)}</summary>",
            "  </entry>",
        ]
    write_text(site / "feed.xml", "\n".join([*feed, "</feed>", ""]))
