package dev.rootline.analyze;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rootline.engine.event.ChunkedBytes;
import dev.rootline.engine.event.InvalidEntryException;
import dev.rootline.incident.IncidentDetail;
import dev.rootline.incident.IncidentFilter;
import dev.rootline.incident.IncidentQueries;
import dev.rootline.incident.ServiceQueries;
import dev.rootline.incident.ServiceSummary;
import dev.rootline.ingest.IngestService;
import dev.rootline.report.MarkdownReport;
import dev.rootline.report.ReportService;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rootline analyze}: reads an export into a throwaway embedded Rootline and prints each service's iteration
 * report (Markdown), or with {@code --json} its incidents. No server, no network, no PostgreSQL.
 */
public class AnalyzeCommand implements QuarkusApplication {

    static final String USAGE = "usage: rootline analyze [--json] FILE|-   (FILE: gcloud logging read --format=json)";
    private static final int BATCH = 1000;
    /** Incidents printed per service with --json, the most severe and recent first, as the API lists them. */
    private static final int MAX_INCIDENTS = 100;

    @Inject
    IngestService ingest;

    @Inject
    ServiceQueries services;

    @Inject
    ReportService reports;

    @Inject
    IncidentQueries incidents;

    /** The API's own mapper: the same dates and shapes as {@code GET /api/v1/incidents/{id}}. */
    @Inject
    ObjectMapper json;

    private final PrintStream out = System.out;
    private final PrintStream progress = System.err;

    @Override
    public int run(String... args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean asJson = rest.remove("--json");
        if (rest.size() != 1) {
            progress.println(USAGE);
            return 2;
        }
        String source = rest.get(0);
        long size = source.equals("-") ? -1 : Files.size(Path.of(source));
        try (InputStream in = source.equals("-") ? System.in : Files.newInputStream(Path.of(source))) {
            Progress counted = new Progress(in, size, progress);
            ExportReader.read(counted, BATCH, batch -> counted.ingested(ingest(batch)));
            counted.done();
        }
        if (asJson) {
            printJson();
        } else {
            for (ServiceSummary service : services.services()) {
                reports.report(service.name(), Optional.empty(), Optional.empty())
                        .ifPresent(report -> out.println(MarkdownReport.render(report)));
            }
        }
        return 0;
    }

    /** Stores a batch; a batch with a bad entry is stored entry by entry, so that one bad entry costs only itself. */
    private int ingest(List<byte[]> entries) {
        try {
            return ingest.ingest(ChunkedBytes.of(array(entries))).accepted();
        } catch (InvalidEntryException e) {
            int accepted = 0;
            for (byte[] entry : entries) {
                try {
                    accepted += ingest.ingest(ChunkedBytes.of(entry)).accepted();
                } catch (InvalidEntryException bad) {
                    progress.println("skipped an entry: " + bad.getMessage());
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }
            return accepted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] array(List<byte[]> entries) {
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.write('[');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                array.write(',');
            }
            array.writeBytes(entries.get(i));
        }
        array.write(']');
        return array.toByteArray();
    }

    private void printJson() throws IOException {
        Map<String, List<IncidentDetail>> byService = new LinkedHashMap<>();
        for (ServiceSummary service : services.services()) {
            List<IncidentDetail> details = new ArrayList<>();
            IncidentFilter all = new IncidentFilter(
                    Optional.of(service.name()),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    MAX_INCIDENTS,
                    Optional.empty());
            incidents.list(all).items().forEach(row -> incidents.get(row.id()).ifPresent(details::add));
            byService.put(service.name(), details);
        }
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("services", byService)));
    }
}
