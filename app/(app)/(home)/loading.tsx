import { PageSkeleton } from "@/components/layout/page-skeleton";

// Only list pages get a streamed skeleton: a page that can answer "not found" must not start
// streaming first, or the 404 would go out with status 200.
export default PageSkeleton;
