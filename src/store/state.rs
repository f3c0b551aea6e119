//! The name of a persistent store's state, written anew before every change: what is derived
//! from the store and kept beside it (the search index) records the name it was made from, and
//! tells in one read whether the store changed since.

use super::{Store, StoreError};
use std::path::Path;

/// The file in a persistent store's directory that names its state.
const STATE_FILE: &str = "unakn-state";

impl Store {
    /// The name of the store's state: the same until the store next changes, never given to
    /// another state after. `None` for a store in memory, which nothing derived outlives.
    pub fn state(&self) -> Result<Option<String>, StoreError> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        match std::fs::read_to_string(dir.join(STATE_FILE)) {
            Ok(name) => Ok(Some(name.trim().to_string())),
            // A store written before states were named: it is named now, which nothing
            // derived from it holds yet.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let name = new_name();
                write_durably(dir, STATE_FILE, &name)?;
                Ok(Some(name))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Names a new state before a change begins. The name is on disk before the change is, so
    /// a process stopped at any point after leaves a name that nothing derived from the old
    /// state holds.
    pub(super) fn changing(&self) -> Result<(), StoreError> {
        if let Some(dir) = &self.dir {
            write_durably(dir, STATE_FILE, &new_name())?;
        }
        Ok(())
    }
}

/// A name no state had before: the time in nanoseconds, the process and a count within it.
fn new_name() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNT: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let count = COUNT.fetch_add(1, Ordering::Relaxed);
    format!("{nanos:x}-{:x}-{count:x}", std::process::id())
}

/// Writes `text` as the file `name` of `dir` so that, whenever the process or the machine
/// stops, the file is there whole, old or new: a temporary file synced, renamed over the
/// old one, the directory synced.
pub fn write_durably(dir: &Path, name: &str, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let temporary = dir.join(format!(".{name}.new"));
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    std::fs::rename(&temporary, dir.join(name))?;
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_never_given_twice() {
        let names: std::collections::HashSet<String> = (0..1000).map(|_| new_name()).collect();
        assert_eq!(names.len(), 1000);
    }

    #[test]
    fn a_file_written_durably_replaces_the_old_whole() {
        let dir = std::env::temp_dir().join(format!("unakn-durable-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        write_durably(&dir, "f", "old").unwrap();
        write_durably(&dir, "f", "new").unwrap();
        assert_eq!(std::fs::read_to_string(dir.join("f")).unwrap(), "new\n");
        assert!(!dir.join(".f.new").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
