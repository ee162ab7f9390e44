import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import '../../components/ui/ui.css';

setDocumentLanguage();
render(<OptionsApp />, document.getElementById('app')!);
