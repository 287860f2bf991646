package org.cityvitals.launcher.cluster;

import org.cityvitals.indicators.cli.Endpoints;
import org.cityvitals.store.ClickHouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code db migrate-cluster}: the schema in its sharded form on every server of a ClickHouse cluster. */
@Command(name = "migrate-cluster", mixinStandardHelpOptions = true,
        description = {"Apply the schema to a sharded ClickHouse cluster: <database>_local with the real tables on "
                + "every server, <database> with Distributed tables over them and the dimension tables.",
                "Idempotent; run it again after an upgrade that ships a new migration."})
public final class DbClusterSchemaCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "JDBC-URL",
            description = "every server of the cluster, each replica of each shard (repeat the flag)")
    List<String> servers;

    @Option(names = "--cluster", required = true, paramLabel = "NAME",
            description = "the cluster's name in the servers' remote_servers")
    String cluster;

    @Option(names = "--database", defaultValue = Endpoints.DATABASE, paramLabel = "NAME",
            description = "the platform's database (default: ${DEFAULT-VALUE})")
    String database;

    @Option(names = "--replicated", description = "shards have replicas: Replicated* engines with the {shard} and "
            + "{replica} macros")
    boolean replicated;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ClusterServices.applySchema(servers.stream().map(ClickHouse::new).toList(), cluster, database, replicated);
        spec.commandLine().getOut().println("schema of " + database + " applied on " + servers.size()
                + " servers of cluster " + cluster + (replicated ? " (replicated engines)" : ""));
        return 0;
    }
}
