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
package io.github.camelnclue.emulator.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * The embedded S3 server standing in for NCP Object Storage: S3Proxy with its {@code filesystem} backend (objects
 * are plain files under {@code dir/bucket/key}; the {@code transient} backend would keep them in heap) and real
 * AWS signature checking with the emulator's key pair.
 */
public final class S3Server implements AutoCloseable {

    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final Path directory;
    private final boolean deleteOnClose;
    private final BlobStore blobStore;
    private final S3Proxy proxy;
    private final EmulatorObjectStorage objectStorage;

    /** @param directory where objects live; {@code null} for a temporary directory deleted on close */
    public S3Server(Path directory, int port, String accessKey, String secretKey) throws IOException {
        this.deleteOnClose = directory == null;
        this.directory = directory == null ? Files.createTempDirectory("nclue-emulator-s3-") : directory;
        try {
            Files.createDirectories(this.directory);
            Properties props = new Properties();
            props.setProperty("jclouds.filesystem.basedir", this.directory.toString());
            this.blobStore = BlobStores.create("filesystem", props);
            this.proxy = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .stopTimeout(0)
                    .build();
            this.objectStorage = new EmulatorObjectStorage(blobStore);
        } catch (RuntimeException | LinkageError e) {
            // the caller never gets an instance to close: do not leave the temp directory behind
            if (deleteOnClose) {
                deleteRecursively(this.directory);
            }
            throw e;
        }
    }

    public void start() throws Exception {
        proxy.start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start within " + START_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(5);
        }
    }

    public int port() {
        return proxy.getPort();
    }

    /** In-process access to the objects this server serves. */
    public EmulatorObjectStorage objectStorage() {
        return objectStorage;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            blobStore.close();
            if (deleteOnClose) {
                deleteRecursively(directory);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(EmulatorObjectStorage::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
