package almacen.inventory.domain;

/** Both sides of a transfer: TRANSFER_OUT at the source, then TRANSFER_IN at the destination. */
public record TransferResult(LedgerResult out, LedgerResult in) {}
