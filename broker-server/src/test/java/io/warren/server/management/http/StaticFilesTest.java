package io.warren.server.management.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
    private final StaticFiles files =
            new StaticFiles(getClass().getClassLoader(), "io/warren/server/management/http/files/");

    private String contentType(String... segments) {
        return files.find(List.of(segments)).orElseThrow().contentType();
    }

    @Test
    void theRootAndTheConsoleFolderAreTheIndex() {
        StaticFiles.StaticFile index = files.find(List.of()).orElseThrow();

        assertThat(new String(index.content(), UTF_8)).contains("test index");
        assertThat(index.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(files.find(List.of("console"))).contains(index);
    }

    @Test
    void filesAreFoundWithOrWithoutTheConsolePrefixAndTypedByExtension() {
        assertThat(contentType("js", "app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(contentType("console", "js", "app.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(contentType("style.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(contentType("logo.svg")).isEqualTo("image/svg+xml");
        assertThat(contentType("data.json")).isEqualTo("application/json");
    }

    @Test
    void filesWithoutAKnownTypeAndDirectoriesAreNotServed() {
        assertThat(files.find(List.of("LICENSE"))).isEmpty();
        assertThat(files.find(List.of("js"))).isEmpty();
        assertThat(files.find(List.of("missing.js"))).isEmpty();
    }

    @Test
    void theEtagFollowsTheContent() {
        String index = files.find(List.of()).orElseThrow().etag();
        String app = files.find(List.of("js", "app.js")).orElseThrow().etag();

        assertThat(index).startsWith("\"").endsWith("\"").isNotEqualTo(app);
        assertThat(files.find(List.of("index.html")).orElseThrow().etag()).isEqualTo(index);
    }

    @Test
    void segmentsThatCouldLeaveTheFolderAreRefused() {
        for (List<String> path : List.of(List.of("..", "http", "files", "index.html"), List.of("js", ".", "app.js"),
                List.of("..\\x.js"), List.of("a/../b.js"), List.of("js", "", "app.js"))) {
            assertThatThrownBy(() -> files.find(path)).as(path.toString())
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }
}
