import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build step (run by Maven after shading, see pom.xml): rewrites the classes of a package in the
 * jar from Java 5 class files to Java 8 ones with stack maps, changing nothing else.
 *
 * <p>Why: picocli ships Java 5 (version 49) class files. The JVM neither stores such classes in
 * an ahead-of-time cache nor verifies them with the fast verifier, so every CLI start loaded and
 * verified picocli's ~300 classes from the jar: about a third of a one-file {@code inspect}
 * (docs/benchmarks.md). The JDK's ClassFile API rebuilds each method body, which generates the
 * stack maps the newer format needs; the instructions stay the same.
 *
 * <p>Usage: java packaging/UpgradeClassFiles.java JAR PACKAGE_PREFIX (e.g. picocli/)
 */
public final class UpgradeClassFiles {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        String prefix = args[1];
        int upgraded = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            Path root = fs.getPath("/" + prefix);
            List<Path> classes;
            try (Stream<Path> s = Files.walk(root)) {
                classes = s.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("META-INF")).toList();
            }
            for (Path p : classes) {
                ClassModel model = cf.parse(Files.readAllBytes(p));
                if (model.majorVersion() >= ClassFile.JAVA_6_VERSION) continue;
                byte[] out = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                        .andThen((cb, e) -> {
                            if (e instanceof ClassFileVersion) cb.withVersion(ClassFile.JAVA_8_VERSION, 0);
                            else cb.with(e);
                        }));
                Files.write(p, out);
                upgraded++;
            }
        }
        System.out.println("UpgradeClassFiles: " + upgraded + " class files under " + prefix + " now Java 8 with stack maps");
    }
}
