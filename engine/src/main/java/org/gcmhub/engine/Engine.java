package org.gcmhub.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, with its modules loaded from the classpath.
 *
 * <p>OpenSearch's own distribution loads HTTP, analysis-common, Painless and reindex as modules from a
 * folder; the jars from Maven Central are the same code, so a subclass of {@link Node} (whose
 * constructor takes classpath plugins, as the test framework's MockNode does) gives the same
 * node without a downloaded tarball.
 *
 * <p>Usage: {@code java -Xmx512m -cp ... org.gcmhub.engine.Engine key=value ...} where every
 * argument is a node setting ({@code path.home}, {@code http.port}, {@code node.name}, ...).
 * Defaults: a single node on 127.0.0.1:9200 with its data under {@code var/engine}.
 */
public final class Engine extends Node {

    static final List<Class<? extends Plugin>> MODULES =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class,
            ReindexPlugin.class);

    private Engine(Environment environment) {
        super(environment, MODULES, true);
    }

    static Settings settings(String[] args) {
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", "hub")
            .put("node.name", "hub-1")
            .put("path.home", "var/engine")
            .put("network.host", "127.0.0.1")
            .put("http.port", "9200")
            .put("transport.port", "9300")
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("discovery.type", "single-node")
            // Development and CI machines are often nearly full: never turn indices read-only.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true);
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("Expected key=value, got " + arg);
            }
            String key = arg.substring(0, equals);
            String value = arg.substring(equals + 1);
            if (value.isEmpty()) {
                builder.remove(key);
            } else {
                builder.put(key, value);
            }
        }
        return builder.build();
    }

    public static void main(String[] args) throws Exception {
        Settings given = settings(args);
        Path home = Path.of(given.get("path.home")).toAbsolutePath();
        Files.createDirectories(home.resolve("config"));
        Settings settings = Settings.builder().put(given).put("path.home", home.toString()).build();
        LogConfigurator.configureWithoutConfig(settings);
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> settings.get("node.name"));
        Engine node = new Engine(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "engine-shutdown"));
        node.start();
        System.out.println("engine started: " + settings.get("node.name") + " http "
            + settings.get("network.host") + ":" + settings.get("http.port"));
        stopped.await();
    }
}
