// Runs Mustang's validator (veraPDF for PDF/A, the Factur-X and EN 16931 schematrons, the
// French BR-FR rules) over every .pdf and .xml file of the folders given, in one JVM, and writes
// each file's XML report into one document for tools/facturx/validate.py to read:
//
//   java -cp Mustang-CLI-2.26.0.jar tools/facturx/Validate.java OUT.xml FOLDER...
//
// The CLI's own folder mode (validateExpectValid) prints only a summary, and its exit code and
// summary say "valid" for PDF/A and XMP failures: the reports are what counts.

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mustangproject.validator.ZUGFeRDValidator;

public class Validate {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Validate OUT.xml FOLDER...");
            System.exit(2);
        }
        List<File> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            File[] found = new File(args[i]).listFiles((dir, name) -> name.endsWith(".pdf") || name.endsWith(".xml"));
            if (found == null) {
                System.err.println("not a folder: " + args[i]);
                System.exit(2);
            }
            Arrays.sort(found);
            files.addAll(Arrays.asList(found));
        }
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<reports>\n");
        for (File file : files) {
            ZUGFeRDValidator validator = new ZUGFeRDValidator();
            validator.disableNotices();
            String report = validator.validate(file.getAbsolutePath());
            report = report.replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
            out.append("<report file=\"").append(file.getParentFile().getName()).append('/')
               .append(file.getName()).append("\">\n").append(report).append("\n</report>\n");
        }
        out.append("</reports>\n");
        Files.write(new File(args[0]).toPath(), out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
