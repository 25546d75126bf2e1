/*
 * Copyright 2026 The camel-nclue authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelnclue.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;

/**
 * Downloads a result object into a directory so that the file appears there only complete, whatever crashes:
 * <ol>
 * <li>the bytes go to {@code <name>.<etag>.part}, resumed with a range GET from its size, and every read sends the
 * ETag as If-Match, so a part is only ever continued with bytes of the object it started with (a different object
 * under the same key has another ETag, hence another part; stale parts of the name are deleted);</li>
 * <li>the complete part is forced to disk, given the object's Last-Modified time and renamed atomically to
 * {@code <name>};</li>
 * <li>a {@code <name>} already there with the object's size and Last-Modified time is the published download of
 * this object and is returned as it is, so a replay after a crash between the rename and the route's end
 * neither downloads again nor duplicates anything.</li>
 * </ol>
 * A lock on the part keeps two downloads (two exchanges, two JVMs) from writing it at once.
 */
final class ResultDownload {

    private static final int COPY_BUFFER = 1 << 16;

    private final ObjectStorage storage;
    private final ResultObject object;

    ResultDownload(ObjectStorage storage, ResultObject object) {
        this.storage = storage;
        this.object = object;
    }

    Path to(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(name);
        if (isPublished(target)) {
            return target;
        }
        Path part = directory.resolve(name + "." + etagToken() + ".part");
        deleteOtherParts(directory, name, part);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lock(channel, part)) {
            long offset = channel.size();
            if (offset > object.size() || object.eTag() == null) {
                // without an ETag nothing proves the bytes there are this object's
                channel.truncate(0);
                offset = 0;
            }
            if (offset < object.size()) {
                append(channel, offset);
            }
            if (channel.size() != object.size()) {
                throw new IOException("download of " + object.uri() + " to " + part + " is incomplete: "
                                      + channel.size() + " of " + object.size() + " bytes; run again to resume");
            }
            channel.force(true);
        }
        if (object.lastModified() != null) {
            Files.setLastModifiedTime(part, FileTime.from(object.lastModified()));
        }
        return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean isPublished(Path target) throws IOException {
        return Files.isRegularFile(target) && Files.size(target) == object.size() && object.lastModified() != null
               && Files.getLastModifiedTime(target).toInstant().getEpochSecond()
                  == object.lastModified().getEpochSecond();
    }

    private void append(FileChannel channel, long offset) throws IOException {
        try (InputStream in = storage.open(object, offset)) {
            byte[] bytes = new byte[COPY_BUFFER];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long position = offset;
            for (int read = in.read(bytes); read >= 0; read = in.read(bytes)) {
                buffer.clear().limit(read);
                while (buffer.hasRemaining()) {
                    position += channel.write(buffer, position);
                }
            }
        }
    }

    private static FileLock lock(FileChannel channel, Path part) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new IOException("another download is writing " + part + ": run getResult for a result once at a"
                                  + " time per resultDirectory");
        }
        return lock;
    }

    /** Parts of the same name for another ETag: the object was replaced, their bytes are of no use. */
    private static void deleteOtherParts(Path directory, String name, Path keep) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(directory, globQuote(name) + ".*.part")) {
            for (Path other : parts) {
                if (!other.equals(keep)) {
                    Files.deleteIfExists(other);
                }
            }
        }
    }

    /** The ETag as a file-name part: quotes dropped, anything but letters, digits and '-' as '_'. */
    private String etagToken() {
        if (object.eTag() == null) {
            return "noetag";
        }
        String token = object.eTag().replace("\"", "").replaceAll("[^A-Za-z0-9-]", "_");
        return token.length() > 64 ? token.substring(0, 64) : token;
    }

    private static String globQuote(String name) {
        return name.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }

    /** Lines in a file: newlines, plus one for a last line without one. */
    static long countLines(Path file) throws IOException {
        long lines = 0;
        byte last = '\n';
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[read - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }
}
