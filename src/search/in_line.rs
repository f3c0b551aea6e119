//! Whether the index holds what its store holds, known in one read: the index records the
//! name of the store's state it was last brought in line with ([`Store::state`]), and any
//! write to the index drops the record first.

use super::{folder_error, Index, Reconciled, SearchError};
use crate::store::Store;
use crate::vocab::Base;

/// The file in the index's folder naming the store's state the index is in line with.
pub(super) const IN_LINE_FILE: &str = "unakn-in-line-with";

impl Index {
    /// Whether the index was brought in line with its store in the state named `state` and
    /// has not been written since. Never for an index or a store in memory.
    pub fn is_in_line_with(&self, state: Option<&str>) -> bool {
        let (Some(dir), Some(state)) = (&self.dir, state) else {
            return false;
        };
        std::fs::read_to_string(dir.join(IN_LINE_FILE)).is_ok_and(|s| s.trim() == state)
    }

    /// Records that the index holds what the store in the state named `state` holds: for a
    /// caller that has written to the index every change it made to the store since the
    /// index was last in line with it.
    pub fn mark_in_line_with(&self, state: Option<&str>) -> Result<(), SearchError> {
        if let (Some(dir), Some(state)) = (&self.dir, state) {
            crate::store::write_durably(dir, IN_LINE_FILE, state).map_err(folder_error(dir))?;
        }
        Ok(())
    }

    /// Drops the record of being in line, before a write: a process stopped during the write
    /// leaves an index that is compared with its store when next opened.
    pub(super) fn no_longer_in_line(&self) -> Result<(), SearchError> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        match std::fs::remove_file(dir.join(IN_LINE_FILE)) {
            Ok(()) => std::fs::File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(folder_error(dir)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(folder_error(dir)(e)),
        }
    }

    /// [`Index::reconcile`], unless the index is known to be in line with the store as it
    /// is: opening a large store's index then costs one read, not a comparison of every
    /// version.
    pub fn bring_in_line(&self, store: &Store, base: &Base) -> Result<Reconciled, SearchError> {
        // Named before the store is read: a change after this names another state.
        let state = store.state()?;
        if self.is_in_line_with(state.as_deref()) {
            return Ok(Reconciled::default());
        }
        let done = self.reconcile(store, base)?;
        self.mark_in_line_with(state.as_deref())?;
        Ok(Reconciled {
            compared: true,
            ..done
        })
    }
}
