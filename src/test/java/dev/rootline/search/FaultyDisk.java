package dev.rootline.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import org.apache.lucene.tests.mockfile.FilterFileChannel;
import org.apache.lucene.tests.mockfile.FilterFileSystemProvider;
import org.apache.lucene.tests.mockfile.FilterOutputStream2;

/**
 * A file system over the real one (Lucene's mock file systems) whose disk can fill up or turn read-only, and come
 * back, under a running store: writes then fail as the kernel would fail them (ENOSPC, EROFS).
 */
final class FaultyDisk extends FilterFileSystemProvider {

    enum Fault {
        NONE,
        FULL,
        READ_ONLY
    }

    private volatile Fault fault = Fault.NONE;

    FaultyDisk() {
        super("faultydisk://", FileSystems.getDefault());
    }

    /** The same directory, seen through this file system. */
    Path on(Path real) {
        return getFileSystem(URI.create("file:///")).getPath(real.toString());
    }

    void set(Fault fault) {
        this.fault = fault;
    }

    private void writing(Path path) throws IOException {
        switch (fault) {
            case FULL -> throw new FileSystemException(String.valueOf(path), null, "No space left on device");
            case READ_ONLY -> throw new FileSystemException(String.valueOf(path), null, "Read-only file system");
            default -> {}
        }
    }

    private void changing(Path path) throws IOException {
        if (fault == Fault.READ_ONLY) {
            throw new FileSystemException(String.valueOf(path), null, "Read-only file system");
        }
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            changing(path);
        }
        return new FilterFileChannel(super.newFileChannel(path, options, attrs)) {
            @Override
            public int write(ByteBuffer src) throws IOException {
                writing(path);
                return super.write(src);
            }

            @Override
            public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
                writing(path);
                return super.write(srcs, offset, length);
            }

            @Override
            public int write(ByteBuffer src, long position) throws IOException {
                writing(path);
                return super.write(src, position);
            }
        };
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        changing(path);
        return new FilterOutputStream2(super.newOutputStream(path, options)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writing(path);
                super.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                writing(path);
                super.write(b);
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        changing(dir);
        super.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        changing(path);
        super.delete(path);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        changing(path);
        return super.deleteIfExists(path);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        changing(source);
        super.move(source, target, options);
    }
}
