package dev.kg.neo4j;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.cli.ContextInjectingFactory;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;

import picocli.CommandLine;

/**
 * Neo4j's own bulk importer, `neo4j-admin database import full` with the same options, and one
 * difference: values are decoded on their way in, as src/import/offline/csv-files.ts encodes them.
 * A string list starts with a marker element, dropped here: the CSV reader takes an empty list,
 * and a list of one empty string, for a missing value, and the graph writer stores both
 * (`notes: []`, `citeField: ['']`). Line breaks, the list separator and the escape character are
 * escaped (U+001E then n, r, u or e), so every row is one line: the reader can split any file into
 * chunks at line ends, and multiline fields (slower, and refused by its chunker on some inputs)
 * are never needed.
 *
 * Run in Java's single-file source mode against the launcher's classpath (see
 * src/import/offline/admin-import.ts), not built by Maven: the import tool is only a runtime
 * dependency of Neo4j, so the launcher's own build does not depend on it.
 *
 * Usage: java -cp "$(cat neo4j/target/classpath.txt)" neo4j/bulk-import/BulkImport.java
 *          <homeDir> <confDir> full [import options] neo4j
 * (homeDir is the embedded DBMS's home, as LocalNeo4j is given; the store goes to its data/).
 */
public final class BulkImport {
    private BulkImport() {}

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: BulkImport <homeDir> <confDir> full [import options] <database>");
            System.exit(2);
        }
        ExecutionContext ctx = new ExecutionContext(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        ContextInjectingFactory neo4jFactory = new ContextInjectingFactory(ctx);
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == ImportCommand.Full.class ? (K) new DecodingFull(ctx) : neo4jFactory.create(type);
            }
        };
        CommandLine command = new CommandLine(new ImportCommand(), factory).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(command.execute(Arrays.copyOfRange(args, 2, args.length)));
    }

    /** `import full`, handing the importer an input that decodes values. */
    static final class DecodingFull extends ImportCommand.Full {
        DecodingFull(ExecutionContext ctx) {
            super(ctx);
        }

        @Override
        protected void doImport(FileSystemAbstraction fs, DatabaseLayout layout, Config config, JobScheduler scheduler,
                InternalLogProvider logProvider, PageCacheTracer tracer, CursorContextFactory contextFactory,
                org.neo4j.batchimport.api.Configuration importConfig, LogService logService,
                java.io.PrintStream out, java.io.PrintStream err, boolean verbose, Collector badCollector,
                MemoryTracker memoryTracker, Input input) throws IOException {
            super.doImport(fs, layout, config, scheduler, logProvider, tracer, contextFactory, importConfig,
                    logService, out, err, verbose, badCollector, memoryTracker, new DecodingInput(input));
        }
    }

    static final class DecodingInput implements Input {
        private final Input input;

        DecodingInput(Input input) {
            this.input = input;
        }

        @Override
        public InputIterable nodes(Collector badCollector) {
            return decoding(input.nodes(badCollector));
        }

        @Override
        public InputIterable relationships(Collector badCollector) {
            return decoding(input.relationships(badCollector));
        }

        @Override
        public IdType idType() {
            return input.idType();
        }

        @Override
        public ReadableGroups groups() {
            return input.groups();
        }

        @Override
        public Estimates validateAndEstimate(PropertySizeCalculator valueSizeCalculator) throws IOException {
            return input.validateAndEstimate(valueSizeCalculator);
        }

        @Override
        public void close() {
            input.close();
        }

        private static InputIterable decoding(InputIterable entities) {
            return () -> {
                InputIterator iterator = entities.iterator();
                return new InputIterator() {
                    @Override
                    public InputChunk newChunk() {
                        return new DecodingChunk(iterator.newChunk());
                    }

                    @Override
                    public boolean next(InputChunk chunk) throws IOException {
                        return iterator.next(((DecodingChunk) chunk).chunk);
                    }

                    @Override
                    public void close() throws IOException {
                        iterator.close();
                    }
                };
            };
        }
    }

    /** A chunk of entities whose property values are decoded as the visitor receives them. */
    static final class DecodingChunk implements InputChunk {
        private static final char ESCAPE = '\u001e';

        final InputChunk chunk;
        private InputEntityVisitor visitor;
        private InputEntityVisitor decoding;

        DecodingChunk(InputChunk chunk) {
            this.chunk = chunk;
        }

        @Override
        public boolean next(InputEntityVisitor target) throws IOException {
            if (target != visitor) {
                visitor = target;
                decoding = new InputEntityVisitor.Delegate(target) {
                    @Override
                    public boolean property(String key, Object value) {
                        return super.property(key, decode(value));
                    }

                    @Override
                    public boolean property(int propertyKeyId, Object value) {
                        return super.property(propertyKeyId, decode(value));
                    }
                };
            }
            return chunk.next(decoding);
        }

        @Override
        public void close() throws IOException {
            chunk.close();
        }

        private static Object decode(Object value) {
            if (value instanceof String text) {
                return unescape(text);
            }
            if (value instanceof String[] list) {
                String[] items = new String[list.length - 1];
                for (int i = 1; i < list.length; i++) {
                    items[i - 1] = unescape(list[i]);
                }
                return items;
            }
            return value;
        }

        private static String unescape(String text) {
            int at = text.indexOf(ESCAPE);
            if (at < 0) {
                return text;
            }
            StringBuilder out = new StringBuilder(text.length()).append(text, 0, at);
            for (int i = at; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != ESCAPE || i + 1 == text.length()) {
                    out.append(c);
                    continue;
                }
                char code = text.charAt(++i);
                out.append(code == 'n' ? '\n' : code == 'r' ? '\r' : code == 'u' ? '\u001f' : ESCAPE);
            }
            return out.toString();
        }
    }
}
