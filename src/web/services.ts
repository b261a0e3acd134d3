import type { CatalogueService } from '../catalogue/service.ts';
import type { SearchService } from '../search/service.ts';
import type { LmiService } from '../lmi/service.ts';
import type { RecommendService } from '../recommend/service.ts';
import type { SystemService } from '../system/service.ts';

/** The services the web layer calls; built by the composition root (src/app.ts). */
export interface Services {
  system: SystemService;
  lmi: LmiService;
  catalogue: CatalogueService;
  search: SearchService;
  recommend: RecommendService;
}
