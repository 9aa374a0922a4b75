package com.samplerlens.core.hash;

/** Told how far a hash has got; called from the hashing thread after each block. */
@FunctionalInterface
public interface HashProgress {
    HashProgress NONE = (done, total) -> {};

    void update(long bytesDone, long bytesTotal);
}
