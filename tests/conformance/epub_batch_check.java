// Runs EPUBCheck (the library in /usr/share/java/epubcheck.jar) over many EPUBs in
// one JVM: `java -cp epubcheck.jar epub_batch_check.java a.epub b.epub ...`.
// Prints EPUBCheck's messages and one "RESULT <file> fatals=F errors=E warnings=W"
// line per file; exits 1 when any file has a fatal error, an error or a warning.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubBatchCheck {
  public static void main(String[] args) {
    int bad = 0;
    for (String a : args) {
      DefaultReportImpl r = new DefaultReportImpl(a);
      new EpubCheck(new File(a), r).doValidate();
      int f = r.getFatalErrorCount(), e = r.getErrorCount(), w = r.getWarningCount();
      System.out.println("RESULT " + a + " fatals=" + f + " errors=" + e + " warnings=" + w);
      if (f + e + w > 0) bad++;
    }
    System.out.println("SUMMARY files=" + args.length + " failing=" + bad);
    System.exit(bad == 0 ? 0 : 1);
  }
}
