"""``publish archive``: the collection as one BagIt bag a repository can take in, in stages:

    Steps 1-5 - build     every document to PDF/A, EPUB and the site (publish.build)  -> Built
    Step 6 - assemble     originals byte for byte, cleaned Markdown, change logs,
                          PDF, EPUB per document; the site once                     -> payload
    Step 7 - describe     the site as a WARC file (read back); the validators'
                          verdicts; a provenance record per document              -> payload
    Step 8 - bag          bagit's manifests (SHA-256, SHA-512), bag-info with the
                          collection's Dublin Core, validated by bagit             -> bag
    Step 9 - tar          with ``--tar``, the bag as one ``.tar`` file

Everything is made in a staging folder of ``--out`` (:mod:`publish.transaction`); the previous
bag is replaced, as a whole, only when the new one is complete. The same sources and
``SOURCE_DATE_EPOCH`` give the same bytes, tar included.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from publish import versions
from publish.archive import assemble, bag, baginfo, records, tarball, verdicts, warc
from publish.archive.layout import DEFAULT_OUT, SITE, WARC, ArchiveError, bag_name
from publish.build import BuildOptions, Built, build_collection
from publish.config import Config
from publish.errors import StrictError
from publish.formats.pdfvariants import VARIANTS
from publish.logs import WarningCounter
from publish.outputs import output_folder
from publish.timestamps import build_time
from publish.transaction import transaction

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchiveOptions:
    sources: tuple[Path, ...] = ()
    theme: str = ""
    out: Path | None = None
    strict: bool = False
    pdf_variant: str = ""
    tar: bool = False


def _variant(config: Config, options: ArchiveOptions) -> str:
    name = options.pdf_variant or config.pdf_variant
    if not VARIANTS[name].pdfa:
        raise ArchiveError(
            f"--pdf-variant {name}: an archive's PDF must be PDF/A; use pdf/a-3u (the default), "
            "pdf/a-3b, pdf/a-2u or pdf/a-2b"
        )
    return name


def _when(built: Built) -> datetime:
    return build_time(d.meta.date for d in built.documents)


def _describe(payload: Path, config: Config, built: Built, theme: str) -> None:
    """Step 7: the WARC file (read back), the validators' verdicts, the provenance records."""
    log.info("Step 7 - describe: the site as %s", WARC)
    warc.write(payload / SITE, payload / WARC, config.base_url, _when(built))
    unread = warc.read_back(payload / WARC, payload / SITE, config.base_url)
    if unread:  # a bug: what was just written does not read back
        raise ArchiveError(*unread)
    slugs = [d.cleaned.source.slug for d in built.documents]
    files = {slug: records.outputs(payload, slug) for slug in slugs}
    found, ran = verdicts.collect(
        verdicts.Outputs(payload, config.root, files), versions.validators(config.root)
    )
    software = versions.software()
    for doc, slug in zip(built.documents, slugs, strict=True):
        records.write(payload, doc, theme, _when(built), software, ran, found[slug])


def archive(config: Config, options: ArchiveOptions, warnings: WarningCounter) -> list[Path]:
    """Make the bag (and with ``options.tar`` its ``.tar``) in ``options.out``; return them."""
    out = output_folder(options.out or config.root / DEFAULT_OUT, config)
    name, variant = bag_name(config), _variant(config, options)
    with transaction(out, config.root, whole=(name,)) as staging:
        work, payload = staging / ".work", staging / name
        build = BuildOptions(
            options.sources,
            (),
            options.theme,
            work,
            options.strict,
            variant,
            cache="skip",
            collection=False,
            documents=True,
        )
        built = build_collection(config, build, warnings)
        log.info("Step 6 - assemble %s/", name)
        assemble.add_all(
            assemble.Collection(config, built.articles, built.documents, work), payload
        )
        shutil.rmtree(work)
        _describe(payload, config, built, options.theme or config.theme)
        log.info("Step 8 - bag: %d document(s)", len(built.documents))
        bag.make_bag(payload, baginfo.describe(config, built.documents))
        made = [out / name]
        if options.tar:
            log.info("Step 9 - tar")
            tarball.write(payload, staging / f"{name}.tar", _when(built))
            made.append(out / f"{name}.tar")
        if options.strict and warnings.count:
            raise StrictError(
                f"{warnings.count} warning(s) and --strict is on; fix them or drop --strict"
            )
    stale = out / f"{name}.tar"
    if not options.tar and stale.is_file():  # an old bag's tar would contradict the new bag
        stale.unlink()
        log.info("Removed %s, the tar of the previous bag (use --tar to write one)", stale)
    return made
