package io.warren.server.management.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console's files, read from a classpath folder: {@code /} and {@code /console/} are {@code
 * index.html}, and {@code /x/y.js} or {@code /console/x/y.js} is {@code <folder>/x/y.js}. Only files whose
 * extension has a known content type are served (html, js, css, svg, png, ico, json, map, woff2), which also
 * keeps directories out; a {@code .} or {@code ..} segment, or one holding a backslash, is refused before any
 * lookup, so no path leaves the folder.
 *
 * <p>Files found are read once and kept (the console is a few small files in the jar). Each carries a strong
 * {@code ETag} of its content, so with {@code Cache-Control: no-cache} browsers revalidate and get a 304
 * while it is unchanged. Thread-safe.
 */
final class StaticFiles {

    /** A file ready to send. */
    record StaticFile(byte[] content, String contentType, String etag) {
    }

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "map", "application/json",
            "woff2", "font/woff2");
    private static final String INDEX = "index.html";
    private static final String CONSOLE_PREFIX = "console";

    private final ClassLoader loader;
    private final String folder;
    private final Map<String, StaticFile> cache = new ConcurrentHashMap<>();

    /** Files under {@code folder} (a classpath path ending in {@code /}) as {@code loader} finds them. */
    StaticFiles(ClassLoader loader, String folder) {
        if (!folder.endsWith("/") || folder.startsWith("/")) {
            throw new IllegalArgumentException("folder must be a relative classpath path ending in /: " + folder);
        }
        this.loader = loader;
        this.folder = folder;
    }

    /**
     * The file for the decoded path {@code segments}, or empty when there is none.
     *
     * @throws ApiException 400 for a {@code .} or {@code ..} segment or one containing a backslash or NUL
     */
    Optional<StaticFile> find(List<String> segments) {
        List<String> relative = segments;
        if (!relative.isEmpty() && relative.get(0).equals(CONSOLE_PREFIX)) {
            relative = relative.subList(1, relative.size());
        }
        for (String segment : relative) {
            if (segment.equals(".") || segment.equals("..") || segment.isEmpty() || segment.indexOf('\\') >= 0
                    || segment.indexOf('/') >= 0 || segment.indexOf('\0') >= 0) {
                throw ApiException.badRequest("path segment '" + segment + "' is not allowed in a file path");
            }
        }
        String name = relative.isEmpty() ? INDEX : String.join("/", relative);
        String type = contentType(name);
        if (type == null) {
            return Optional.empty();
        }
        StaticFile cached = cache.get(name);
        if (cached != null) {
            return Optional.of(cached);
        }
        // Misses are not cached, so requests for made-up names cannot grow the cache.
        Optional<StaticFile> loaded = load(name, type);
        loaded.ifPresent(file -> cache.putIfAbsent(name, file));
        return loaded;
    }

    private Optional<StaticFile> load(String name, String type) {
        try (InputStream in = loader.getResourceAsStream(folder + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            return Optional.of(new StaticFile(content, type, etag(content)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + folder + name, e);
        }
    }

    private static String contentType(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        if (dot <= slash + 1) {
            return null;
        }
        return CONTENT_TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
