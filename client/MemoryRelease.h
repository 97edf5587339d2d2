#pragma once

// Handing freed heap memory back to the operating system. A small platform seam: glibc keeps freed pages in
// the process (malloc_trim returns them); elsewhere this is a no-op (the allocators of Windows and macOS, and
// musl, return large frees on their own).
//
// Call after freeing a large, short-lived structure, e.g. the JSON tree of a watch list (several times the
// file's size): otherwise those pages, interleaved with what stays, count against the app for as long as it
// runs.
void releaseFreedMemory();
