package io.schemadiff.maven;

import io.schemadiff.reference.EmbeddedPostgresServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Resolves zonky's PostgreSQL binaries for a chosen version through Maven's own resolver (so mirrors,
 * proxies and the local repository apply): {@code 16} takes the newest 16.x, {@code 16.13.0} exactly that.
 */
final class PostgresBinaries {

    static final String GROUP_ID = "io.zonky.test.postgres";
    private static final Pattern MAJOR = Pattern.compile("\\d{1,2}");
    private static final Pattern EXACT = Pattern.compile("\\d{1,2}\\.\\d+\\.\\d+(-\\d+)?");

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    PostgresBinaries(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** The major version of {@code 16} or {@code 16.13.0}, or an error naming the parameter. */
    static int major(String version) throws MojoExecutionException {
        String value = version.trim();
        if (!MAJOR.matcher(value).matches() && !EXACT.matcher(value).matches()) {
            throw new MojoExecutionException("<postgresVersion> (schema.postgresVersion) '" + version
                    + "' is neither a major version (16) nor a full one (16.13.0).");
        }
        return Integer.parseInt(value.split("\\.")[0]);
    }

    /** The binaries jar of {@code version}, downloaded if need be. */
    Path resolve(String version) throws MojoExecutionException {
        String value = version.trim();
        int major = major(value);
        String artifactId = EmbeddedPostgresServer.binariesArtifactId();
        String exact = value;
        if (MAJOR.matcher(value).matches()) {
            Artifact range = new DefaultArtifact(GROUP_ID, artifactId, "jar", "[" + major + "," + (major + 1) + ")");
            try {
                VersionRangeResult versions = system.resolveVersionRange(session,
                        new VersionRangeRequest(range, repositories, null));
                if (versions.getHighestVersion() == null) {
                    throw new MojoExecutionException("No PostgreSQL " + major + " binaries (" + GROUP_ID + ":"
                            + artifactId + ") in " + repositories + ". Check <postgresVersion> (schema.postgresVersion).");
                }
                exact = versions.getHighestVersion().toString();
            } catch (VersionRangeResolutionException e) {
                throw new MojoExecutionException("Cannot list the versions of " + GROUP_ID + ":" + artifactId + ": "
                        + e.getMessage(), e);
            }
        }
        try {
            Artifact artifact = system.resolveArtifact(session, new ArtifactRequest(
                    new DefaultArtifact(GROUP_ID, artifactId, "jar", exact), repositories, null)).getArtifact();
            return artifact.getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve PostgreSQL " + exact + " (" + GROUP_ID + ":" + artifactId
                    + ":" + exact + "): " + e.getMessage(), e);
        }
    }
}
