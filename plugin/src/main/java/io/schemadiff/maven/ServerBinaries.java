package io.schemadiff.maven;

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
 * Resolves a database server's binaries jar for a version the user chose, through Maven's own resolver
 * (so mirrors, proxies and the local repository apply). A version is either exact, or names a family
 * ({@code 16}, {@code 11.4}) that resolves to its newest release; anything else is an error naming the parameter.
 */
final class ServerBinaries {

    /**
     * What differs between servers.
     *
     * @param product   e.g. {@code PostgreSQL}
     * @param parameter e.g. {@code <postgresVersion> (schema.postgresVersion)}
     * @param family    versions that stand for their newest release, e.g. {@code 16}
     * @param exact     versions taken as they are, e.g. {@code 16.13.0}
     * @param expected  what a version may look like, e.g. {@code a major version (16) or a full one (16.13.0)}
     */
    record Server(String product, String groupId, String parameter, Pattern family, Pattern exact, String expected) {

        /** {@code version} trimmed, or an error naming the parameter. */
        String checked(String version) throws MojoExecutionException {
            String value = version.trim();
            if (!family.matcher(value).matches() && !exact.matcher(value).matches()) {
                throw new MojoExecutionException(parameter + " '" + version + "' is not " + expected + ".");
            }
            return value;
        }
    }

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    ServerBinaries(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = repositories;
    }

    /** The binaries jar of {@code version}, downloaded if need be. */
    Path resolve(Server server, String artifactId, String version) throws MojoExecutionException {
        String value = server.checked(version);
        String exact = server.family().matcher(value).matches() ? newest(server, artifactId, value) : value;
        try {
            Artifact artifact = system.resolveArtifact(session, new ArtifactRequest(
                    new DefaultArtifact(server.groupId(), artifactId, "jar", exact), repositories, null)).getArtifact();
            return artifact.getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve " + server.product() + " " + exact + " (" + server.groupId()
                    + ":" + artifactId + ":" + exact + "): " + e.getMessage(), e);
        }
    }

    /** The newest release of a family: {@code 16} is {@code [16,17)}, {@code 11.4} is {@code [11.4,11.5)}. */
    private String newest(Server server, String artifactId, String family) throws MojoExecutionException {
        Artifact range = new DefaultArtifact(server.groupId(), artifactId, "jar", range(family));
        try {
            VersionRangeResult versions = system.resolveVersionRange(session,
                    new VersionRangeRequest(range, repositories, null));
            if (versions.getHighestVersion() == null) {
                throw new MojoExecutionException("No " + server.product() + " " + family + " binaries ("
                        + server.groupId() + ":" + artifactId + ") in " + repositories + ". Check " + server.parameter()
                        + ".");
            }
            return versions.getHighestVersion().toString();
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Cannot list the versions of " + server.groupId() + ":" + artifactId
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@code [16,17)} for {@code 16}: the family's releases and nothing after them. */
    static String range(String family) {
        int last = family.lastIndexOf('.');
        String next = family.substring(0, last + 1) + (Integer.parseInt(family.substring(last + 1)) + 1);
        return "[" + family + "," + next + ")";
    }
}
