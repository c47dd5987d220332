package io.schemadiff.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The model JVMs' folder in the shared temporary folder: a kept model JVM loads and runs whatever classes a
 * request names, and a build trusts what it answers, so its socket must be reachable by its user alone.
 * The folder is made the user's only (rwx------) and refused when another user owns it (made before, to
 * plant a socket). A file system without POSIX permissions (Windows) has a temporary folder per user.
 */
final class PrivateFolder {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolder() {
    }

    /**
     * Creates {@code folder} if needed and makes it its owner's only.
     *
     * @return whether it is this user's alone (else no socket is used there)
     */
    static boolean claim(Path folder) {
        try {
            Files.createDirectories(folder);
            PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return true;
            }
            UserPrincipal me = folder.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!view.readAttributes().owner().equals(me) || Files.isSymbolicLink(folder)) {
                return false;
            }
            if (!view.readAttributes().permissions().equals(OWNER_ONLY)) {
                view.setPermissions(OWNER_ONLY);
            }
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A file in the folder readable and writable by its owner alone (a socket: only the owner connects). */
    static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }
}
