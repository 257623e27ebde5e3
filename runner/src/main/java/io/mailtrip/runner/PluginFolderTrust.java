package io.mailtrip.runner;

import com.sun.security.auth.module.UnixSystem;
import io.mailtrip.spi.ConfigurationProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the runner may load code from a path, by the rule of sshd's {@code StrictModes} and sudo: the
 * plugins folder and every jar in it are owned by the runner's user or root and writable by nobody else,
 * and no folder above them can be changed by other users (writable by group or others without the
 * sticky bit, or owned by another user), since whoever can rename a parent can swap the folder. A
 * runner that runs as root would otherwise run code any local user planted (issue 13).
 */
final class PluginFolderTrust {

    private static final int ROOT = 0;

    private final long runnerUid;

    /** @param runnerUid the user the runner runs as; files of this user or root are trusted */
    PluginFolderTrust(long runnerUid) {
        this.runnerUid = runnerUid;
    }

    /** Trust for this process's user; empty where the file system has no owners and modes (not POSIX). */
    static Optional<PluginFolderTrust> forThisProcess() {
        try {
            return Optional.of(new PluginFolderTrust(new UnixSystem().getUid()));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Problems of the folder and the folders above it, each naming the path (the key) and the reason. */
    List<ConfigurationProblem> folderProblems(Path folder) {
        List<ConfigurationProblem> problems = new ArrayList<>();
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            return List.of(new ConfigurationProblem(folder.toString(), "plugins folder cannot be checked ("
                    + e.getClass().getSimpleName() + ")"));
        }
        check(real, "plugins folder", false).ifPresent(problems::add);
        for (Path parent = real.getParent(); parent != null; parent = parent.getParent()) {
            check(parent, "folder above the plugins folder", true).ifPresent(problems::add);
        }
        return problems;
    }

    /** The problem of one jar (its own owner and mode; a symbolic link is judged by its target). */
    Optional<ConfigurationProblem> jarProblem(Path jar) {
        try {
            Path real = jar.toRealPath();
            Optional<ConfigurationProblem> own = check(real, "plugin jar", false);
            if (own.isPresent() || real.getParent().equals(jar.toAbsolutePath().getParent())) {
                return own;
            }
            // A link out of the folder: the target's folders must be as safe as the plugins folder.
            return folderProblems(real.getParent()).stream().findFirst()
                    .map(p -> new ConfigurationProblem(jar.toString(), "links to " + p.line()));
        } catch (IOException e) {
            return Optional.of(new ConfigurationProblem(jar.toString(), "plugin jar cannot be checked ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private Optional<ConfigurationProblem> check(Path path, String what, boolean stickyAllowsWrite) {
        try {
            int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            String octal = String.format(Locale.ROOT, "%04o", mode & 07777);
            if (uid != ROOT && uid != runnerUid) {
                return Optional.of(new ConfigurationProblem(path.toString(), what + " is owned by uid " + uid
                        + ", not by the runner's user (uid " + runnerUid + ") or root"));
            }
            boolean sticky = (mode & 01000) != 0;
            boolean groupWrite = permissions.contains(PosixFilePermission.GROUP_WRITE);
            boolean otherWrite = permissions.contains(PosixFilePermission.OTHERS_WRITE);
            if ((groupWrite || otherWrite) && !(stickyAllowsWrite && sticky)) {
                String who = groupWrite && otherWrite ? "group and others" : groupWrite ? "group" : "others";
                return Optional.of(new ConfigurationProblem(path.toString(), what + " is writable by " + who
                        + " (mode " + octal + ")"));
            }
            return Optional.empty();
        } catch (IOException | UnsupportedOperationException | ClassCastException e) {
            return Optional.of(new ConfigurationProblem(path.toString(), what + " cannot be checked ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }
}
