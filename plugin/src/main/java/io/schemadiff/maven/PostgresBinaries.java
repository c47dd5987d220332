package io.schemadiff.maven;

import io.schemadiff.reference.EmbeddedPostgresServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * zonky's PostgreSQL binaries for {@code schema.postgresVersion}: {@code 16} takes the newest 16.x,
 * {@code 16.13.0} exactly that.
 */
final class PostgresBinaries {

    static final String GROUP_ID = "io.zonky.test.postgres";
    static final ServerBinaries.Server SERVER = new ServerBinaries.Server("PostgreSQL", GROUP_ID,
            "<postgresVersion> (schema.postgresVersion)", Pattern.compile("\\d{1,2}"),
            Pattern.compile("\\d{1,2}\\.\\d+\\.\\d+(-\\d+)?"), "a major version (16) or a full one (16.13.0)");

    private final ServerBinaries binaries;

    PostgresBinaries(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.binaries = new ServerBinaries(system, session, repositories);
    }

    /** The major version of {@code 16} or {@code 16.13.0}, or an error naming the parameter. */
    static int major(String version) throws MojoExecutionException {
        return Integer.parseInt(SERVER.checked(version).split("\\.")[0]);
    }

    /** The binaries jar of {@code version}, downloaded if need be. */
    Path resolve(String version) throws MojoExecutionException {
        return binaries.resolve(SERVER, EmbeddedPostgresServer.binariesArtifactId(), version);
    }
}
