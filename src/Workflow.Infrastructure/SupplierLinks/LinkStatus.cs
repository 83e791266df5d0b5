namespace Workflow.Infrastructure.SupplierLinks;

public enum LinkStatus { Valid, Tampered, Expired }
